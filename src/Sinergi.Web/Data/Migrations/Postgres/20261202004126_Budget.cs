using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Sinergi.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Budget : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "MinRealisationPercent",
                table: "RegionSettings",
                type: "integer",
                nullable: false,
                defaultValue: 80);

            migrationBuilder.CreateTable(
                name: "BudgetLines",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionCode = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    AgreementId = table.Column<int>(type: "integer", nullable: false),
                    FiscalYear = table.Column<int>(type: "integer", nullable: false),
                    Source = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    OpdId = table.Column<int>(type: "integer", nullable: true),
                    ProgramCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    KegiatanCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    SubKegiatanCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Document = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    DocumentNumber = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    Planned = table.Column<decimal>(type: "numeric(18,0)", precision: 18, scale: 0, nullable: false),
                    Realised = table.Column<decimal>(type: "numeric(18,0)", precision: 18, scale: 0, nullable: true),
                    RealisationNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Breakdown = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Parts = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BudgetLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BudgetLines_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_BudgetLines_Opds_OpdId",
                        column: x => x.OpdId,
                        principalTable: "Opds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_BudgetLines_Regions_RegionCode",
                        column: x => x.RegionCode,
                        principalTable: "Regions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BudgetLines_AgreementId_FiscalYear",
                table: "BudgetLines",
                columns: new[] { "AgreementId", "FiscalYear" });

            migrationBuilder.CreateIndex(
                name: "IX_BudgetLines_OpdId",
                table: "BudgetLines",
                column: "OpdId");

            migrationBuilder.CreateIndex(
                name: "IX_BudgetLines_RegionCode_FiscalYear_Source",
                table: "BudgetLines",
                columns: new[] { "RegionCode", "FiscalYear", "Source" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BudgetLines");

            migrationBuilder.DropColumn(
                name: "MinRealisationPercent",
                table: "RegionSettings");
        }
    }
}
