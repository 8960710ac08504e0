using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sinergi.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RegistryIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Agreements_RegionStatus",
                table: "Agreements",
                columns: new[] { "RegionCode", "Lifecycle", "StartsOn", "EndsOn", "Kind", "DocumentType", "SignedOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Agreements_RegionStatus",
                table: "Agreements");
        }
    }
}
