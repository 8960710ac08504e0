using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sinergi.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DocumentTextState : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "TextNote",
                table: "DocumentVersions",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TextState",
                table: "DocumentVersions",
                type: "TEXT",
                maxLength: 12,
                nullable: false,
                // Versions uploaded before had their text read during the upload.
                defaultValue: "Done");

            migrationBuilder.CreateIndex(
                name: "IX_DocumentVersions_TextState",
                table: "DocumentVersions",
                column: "TextState");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DocumentVersions_TextState",
                table: "DocumentVersions");

            migrationBuilder.DropColumn(
                name: "TextNote",
                table: "DocumentVersions");

            migrationBuilder.DropColumn(
                name: "TextState",
                table: "DocumentVersions");
        }
    }
}
