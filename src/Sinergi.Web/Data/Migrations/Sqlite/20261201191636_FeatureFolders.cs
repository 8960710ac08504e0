using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sinergi.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FeatureFolders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
