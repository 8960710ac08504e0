using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sinergi.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MonevImpact : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "MonevStartsOn",
                table: "MonevSettings",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "WeightActivity",
                table: "MonevSettings",
                type: "integer",
                nullable: false,
                defaultValue: 15);

            migrationBuilder.AddColumn<int>(
                name: "WeightIndicators",
                table: "MonevSettings",
                type: "integer",
                nullable: false,
                defaultValue: 30);

            migrationBuilder.AddColumn<int>(
                name: "WeightOnTime",
                table: "MonevSettings",
                type: "integer",
                nullable: false,
                defaultValue: 15);

            migrationBuilder.AddColumn<int>(
                name: "WeightRating",
                table: "MonevSettings",
                type: "integer",
                nullable: false,
                defaultValue: 40);

            migrationBuilder.CreateTable(
                name: "MonevSummaries",
                columns: table => new
                {
                    AgreementId = table.Column<int>(type: "integer", nullable: false),
                    HasActivity = table.Column<bool>(type: "boolean", nullable: false),
                    HasSubmittedReport = table.Column<bool>(type: "boolean", nullable: false),
                    HasRealisation = table.Column<bool>(type: "boolean", nullable: false),
                    Alive = table.Column<bool>(type: "boolean", nullable: false),
                    LatestRating = table.Column<int>(type: "integer", nullable: true),
                    LatestRatingPeriod = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    IndicatorsMeasured = table.Column<int>(type: "integer", nullable: false),
                    IndicatorsAchieved = table.Column<int>(type: "integer", nullable: false),
                    Periods = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonevSummaries", x => x.AgreementId);
                    table.ForeignKey(
                        name: "FK_MonevSummaries_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MonevSummaries");

            migrationBuilder.DropColumn(
                name: "MonevStartsOn",
                table: "MonevSettings");

            migrationBuilder.DropColumn(
                name: "WeightActivity",
                table: "MonevSettings");

            migrationBuilder.DropColumn(
                name: "WeightIndicators",
                table: "MonevSettings");

            migrationBuilder.DropColumn(
                name: "WeightOnTime",
                table: "MonevSettings");

            migrationBuilder.DropColumn(
                name: "WeightRating",
                table: "MonevSettings");
        }
    }
}
