using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sinergi.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DraftsAreNotShared : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Written by hand: a draft is no longer shared with its partner regions. Each draft's
            // share tokens leave its search row (the body starts with the owner's token and then one
            // per share, so the row is rewritten only when its first tokens are exactly those), the
            // regions it was shared with see their registry change, and its shares go.
            migrationBuilder.Sql("""
                CREATE TEMP TABLE "DraftShareTokens" AS
                SELECT a."Id", 'rgn' || replace(a."RegionCode", '.', '') AS "Owner",
                       length('rgn' || replace(a."RegionCode", '.', '')) + SUM(length('rgn' || replace(s."RegionCode", '.', '')) + 1)::int AS "Prefix"
                FROM "Agreements" a JOIN "AgreementShares" s ON s."AgreementId" = a."Id"
                WHERE a."Lifecycle" = 'Draf'
                GROUP BY a."Id", a."RegionCode";
                """);
            migrationBuilder.Sql("""
                UPDATE "AgreementSearch"
                SET "Body" = (SELECT t."Owner" || substr("AgreementSearch"."Body", t."Prefix" + 1) FROM "DraftShareTokens" t WHERE t."Id" = "AgreementSearch"."AgreementId")
                WHERE EXISTS (
                    SELECT 1 FROM "DraftShareTokens" t
                    WHERE t."Id" = "AgreementSearch"."AgreementId"
                      AND substr("AgreementSearch"."Body", 1, length(t."Owner") + 1) = t."Owner" || ' '
                      AND substr("AgreementSearch"."Body", t."Prefix" + 1, 1) = ' '
                      AND NOT EXISTS (
                          SELECT 1 FROM "AgreementShares" s
                          WHERE s."AgreementId" = t."Id"
                            AND strpos(' ' || substr("AgreementSearch"."Body", 1, t."Prefix") || ' ', ' rgn' || replace(s."RegionCode", '.', '') || ' ') = 0));
                """);
            migrationBuilder.Sql("""
                UPDATE "Regions" SET "RegistryVersion" = "RegistryVersion" + 1
                WHERE "Code" IN (SELECT s."RegionCode" FROM "AgreementShares" s JOIN "Agreements" a ON a."Id" = s."AgreementId" WHERE a."Lifecycle" = 'Draf');
                """);
            migrationBuilder.Sql("""
                DELETE FROM "AgreementShares" WHERE "AgreementId" IN (SELECT "Id" FROM "Agreements" WHERE "Lifecycle" = 'Draf');
                """);
            migrationBuilder.Sql("""DROP TABLE "DraftShareTokens";""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing to undo in the schema; a draft saved again under the old code is shared again.
        }
    }
}
