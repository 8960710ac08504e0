using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sinergi.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReportSigner : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ReportPlace",
                table: "RegionSettings",
                type: "TEXT",
                maxLength: 80,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReportSignerName",
                table: "RegionSettings",
                type: "TEXT",
                maxLength: 120,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReportSignerNip",
                table: "RegionSettings",
                type: "TEXT",
                maxLength: 18,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReportSignerTitle",
                table: "RegionSettings",
                type: "TEXT",
                maxLength: 150,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ReportPlace",
                table: "RegionSettings");

            migrationBuilder.DropColumn(
                name: "ReportSignerName",
                table: "RegionSettings");

            migrationBuilder.DropColumn(
                name: "ReportSignerNip",
                table: "RegionSettings");

            migrationBuilder.DropColumn(
                name: "ReportSignerTitle",
                table: "RegionSettings");
        }
    }
}
