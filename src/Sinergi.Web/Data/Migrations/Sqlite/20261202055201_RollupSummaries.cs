using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sinergi.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RollupSummaries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RollupSummaries",
                columns: table => new
                {
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    ComputedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FreshUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Recorded = table.Column<int>(type: "INTEGER", nullable: false),
                    InForce = table.Column<int>(type: "INTEGER", nullable: false),
                    EndingSoon = table.Column<int>(type: "INTEGER", nullable: false),
                    Evaluated = table.Column<int>(type: "INTEGER", nullable: false),
                    InForceThisYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Budgeted = table.Column<int>(type: "INTEGER", nullable: false),
                    AverageRating = table.Column<double>(type: "REAL", nullable: true),
                    Ratings = table.Column<int>(type: "INTEGER", nullable: false),
                    OpenObstacles = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RollupSummaries", x => x.RegionCode);
                    table.ForeignKey(
                        name: "FK_RollupSummaries_Regions_RegionCode",
                        column: x => x.RegionCode,
                        principalTable: "Regions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            // Backfill: a row for every region already there, not yet reckoned (no ComputedOn), so the
            // first roll-up read reckons it from the region's agreements, budget lines, evaluations and kendala.
            migrationBuilder.Sql(
                """
                INSERT INTO "RollupSummaries" ("RegionCode", "Version", "Recorded", "InForce", "EndingSoon", "Evaluated", "InForceThisYear", "Budgeted", "Ratings", "OpenObstacles")
                SELECT r."Code", 0, 0, 0, 0, 0, 0, 0, 0, 0 FROM "Regions" r
                WHERE NOT EXISTS (SELECT 1 FROM "RollupSummaries" s WHERE s."RegionCode" = r."Code")
                ON CONFLICT ("RegionCode") DO NOTHING
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RollupSummaries");
        }
    }
}
