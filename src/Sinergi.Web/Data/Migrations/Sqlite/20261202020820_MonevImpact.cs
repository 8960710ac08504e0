using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sinergi.Data.Migrations.Sqlite
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "WeightActivity",
                table: "MonevSettings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 15);

            migrationBuilder.AddColumn<int>(
                name: "WeightIndicators",
                table: "MonevSettings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 30);

            migrationBuilder.AddColumn<int>(
                name: "WeightOnTime",
                table: "MonevSettings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 15);

            migrationBuilder.AddColumn<int>(
                name: "WeightRating",
                table: "MonevSettings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 40);

            migrationBuilder.CreateTable(
                name: "MonevSummaries",
                columns: table => new
                {
                    AgreementId = table.Column<int>(type: "INTEGER", nullable: false),
                    HasActivity = table.Column<bool>(type: "INTEGER", nullable: false),
                    HasSubmittedReport = table.Column<bool>(type: "INTEGER", nullable: false),
                    HasRealisation = table.Column<bool>(type: "INTEGER", nullable: false),
                    Alive = table.Column<bool>(type: "INTEGER", nullable: false),
                    LatestRating = table.Column<int>(type: "INTEGER", nullable: true),
                    LatestRatingPeriod = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    IndicatorsMeasured = table.Column<int>(type: "INTEGER", nullable: false),
                    IndicatorsAchieved = table.Column<int>(type: "INTEGER", nullable: false),
                    Periods = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
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
            // SQLite drops a plain column itself (3.35+); EF's table rebuild is not offered for this step.
            migrationBuilder.DropTable(
                name: "MonevSummaries");

            migrationBuilder.Sql("ALTER TABLE \"MonevSettings\" DROP COLUMN \"MonevStartsOn\";");

            migrationBuilder.Sql("ALTER TABLE \"MonevSettings\" DROP COLUMN \"WeightActivity\";");

            migrationBuilder.Sql("ALTER TABLE \"MonevSettings\" DROP COLUMN \"WeightIndicators\";");

            migrationBuilder.Sql("ALTER TABLE \"MonevSettings\" DROP COLUMN \"WeightOnTime\";");

            migrationBuilder.Sql("ALTER TABLE \"MonevSettings\" DROP COLUMN \"WeightRating\";");
        }
    }
}
