using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Sinergi.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Registry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Agreements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionCode = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    Kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    DocumentType = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Number = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    PartnerNumber = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    Title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Scope = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    SignedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DurationMonths = table.Column<int>(type: "integer", nullable: true),
                    Value = table.Column<decimal>(type: "numeric(18,0)", precision: 18, scale: 0, nullable: true),
                    Funding = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    DprdApprovalRequired = table.Column<bool>(type: "boolean", nullable: false),
                    DprdApprovedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DprdApprovalNumber = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    ParentId = table.Column<int>(type: "integer", nullable: true),
                    ExtendsId = table.Column<int>(type: "integer", nullable: true),
                    Lifecycle = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    TerminatedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    TerminationReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Agreements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Agreements_Agreements_ExtendsId",
                        column: x => x.ExtendsId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Agreements_Agreements_ParentId",
                        column: x => x.ParentId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Agreements_Regions_RegionCode",
                        column: x => x.RegionCode,
                        principalTable: "Regions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AuditEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionCode = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    EntityType = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    EntityId = table.Column<int>(type: "integer", nullable: false),
                    Action = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: true),
                    UserName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Changes = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Partners",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionCode = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    Type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    NormalizedName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    LinkedRegionCode = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: true),
                    Address = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Country = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ContactName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    ContactPhone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    ContactEmail = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Latitude = table.Column<double>(type: "double precision", nullable: true),
                    Longitude = table.Column<double>(type: "double precision", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Partners", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Partners_Regions_LinkedRegionCode",
                        column: x => x.LinkedRegionCode,
                        principalTable: "Regions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Partners_Regions_RegionCode",
                        column: x => x.RegionCode,
                        principalTable: "Regions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RegionSettings",
                columns: table => new
                {
                    RegionCode = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    ExpiringWindowDays = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegionSettings", x => x.RegionCode);
                    table.ForeignKey(
                        name: "FK_RegionSettings_Regions_RegionCode",
                        column: x => x.RegionCode,
                        principalTable: "Regions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AgreementDocuments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgreementId = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgreementDocuments_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AgreementOpd",
                columns: table => new
                {
                    AgreementId = table.Column<int>(type: "integer", nullable: false),
                    OpdId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementOpd", x => new { x.AgreementId, x.OpdId });
                    table.ForeignKey(
                        name: "FK_AgreementOpd_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AgreementOpd_Opds_OpdId",
                        column: x => x.OpdId,
                        principalTable: "Opds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AgreementSearch",
                columns: table => new
                {
                    AgreementId = table.Column<int>(type: "integer", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    Body = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementSearch", x => x.AgreementId);
                    table.ForeignKey(
                        name: "FK_AgreementSearch_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AgreementShares",
                columns: table => new
                {
                    AgreementId = table.Column<int>(type: "integer", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementShares", x => new { x.AgreementId, x.RegionCode });
                    table.ForeignKey(
                        name: "FK_AgreementShares_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AgreementShares_Regions_RegionCode",
                        column: x => x.RegionCode,
                        principalTable: "Regions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AgreementUrusan",
                columns: table => new
                {
                    AgreementId = table.Column<int>(type: "integer", nullable: false),
                    UrusanCode = table.Column<string>(type: "character varying(5)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementUrusan", x => new { x.AgreementId, x.UrusanCode });
                    table.ForeignKey(
                        name: "FK_AgreementUrusan_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AgreementUrusan_Urusan_UrusanCode",
                        column: x => x.UrusanCode,
                        principalTable: "Urusan",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AgreementPartner",
                columns: table => new
                {
                    AgreementId = table.Column<int>(type: "integer", nullable: false),
                    PartnerId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementPartner", x => new { x.AgreementId, x.PartnerId });
                    table.ForeignKey(
                        name: "FK_AgreementPartner_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AgreementPartner_Partners_PartnerId",
                        column: x => x.PartnerId,
                        principalTable: "Partners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DocumentVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DocumentId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Text = table.Column<string>(type: "text", nullable: true),
                    UploadedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UploadedById = table.Column<string>(type: "text", nullable: true),
                    UploadedByName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DocumentVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DocumentVersions_AgreementDocuments_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "AgreementDocuments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AgreementDocuments_AgreementId",
                table: "AgreementDocuments",
                column: "AgreementId");

            migrationBuilder.CreateIndex(
                name: "IX_AgreementOpd_OpdId",
                table: "AgreementOpd",
                column: "OpdId");

            migrationBuilder.CreateIndex(
                name: "IX_AgreementPartner_PartnerId",
                table: "AgreementPartner",
                column: "PartnerId");

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_ExtendsId",
                table: "Agreements",
                column: "ExtendsId");

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_ParentId",
                table: "Agreements",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_RegionCode_EndsOn",
                table: "Agreements",
                columns: new[] { "RegionCode", "EndsOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_RegionCode_Number",
                table: "Agreements",
                columns: new[] { "RegionCode", "Number" },
                unique: true,
                filter: "\"Number\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_RegionCode_SignedOn",
                table: "Agreements",
                columns: new[] { "RegionCode", "SignedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_AgreementShares_RegionCode",
                table: "AgreementShares",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_AgreementUrusan_UrusanCode",
                table: "AgreementUrusan",
                column: "UrusanCode");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_EntityType_EntityId",
                table: "AuditEvents",
                columns: new[] { "EntityType", "EntityId" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_RegionCode",
                table: "AuditEvents",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_DocumentVersions_DocumentId_Number",
                table: "DocumentVersions",
                columns: new[] { "DocumentId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DocumentVersions_Sha256",
                table: "DocumentVersions",
                column: "Sha256");

            migrationBuilder.CreateIndex(
                name: "IX_Partners_LinkedRegionCode",
                table: "Partners",
                column: "LinkedRegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_Partners_RegionCode_Type_NormalizedName",
                table: "Partners",
                columns: new[] { "RegionCode", "Type", "NormalizedName" },
                unique: true);

            // Written by hand: full-text search over AgreementSearch (a generated tsvector with a GIN
            // index) and an audit table that refuses updates, deletes and truncation.
            migrationBuilder.Sql("""
                ALTER TABLE "AgreementSearch" ADD "Vector" tsvector GENERATED ALWAYS AS (to_tsvector('simple', "Body")) STORED;
                CREATE INDEX "IX_AgreementSearch_Vector" ON "AgreementSearch" USING GIN ("Vector");
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION sinergi_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'Riwayat (AuditEvents) hanya dapat ditambah, tidak dapat diubah atau dihapus.';
                END $$;
                CREATE TRIGGER "AuditEvents_append_only" BEFORE UPDATE OR DELETE ON "AuditEvents"
                    FOR EACH ROW EXECUTE FUNCTION sinergi_audit_append_only();
                CREATE TRIGGER "AuditEvents_no_truncate" BEFORE TRUNCATE ON "AuditEvents"
                    FOR EACH STATEMENT EXECUTE FUNCTION sinergi_audit_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS "AuditEvents_no_truncate" ON "AuditEvents";
                DROP TRIGGER IF EXISTS "AuditEvents_append_only" ON "AuditEvents";
                DROP FUNCTION IF EXISTS sinergi_audit_append_only();
                """);

            migrationBuilder.DropTable(
                name: "AgreementOpd");

            migrationBuilder.DropTable(
                name: "AgreementPartner");

            migrationBuilder.DropTable(
                name: "AgreementSearch");

            migrationBuilder.DropTable(
                name: "AgreementShares");

            migrationBuilder.DropTable(
                name: "AgreementUrusan");

            migrationBuilder.DropTable(
                name: "AuditEvents");

            migrationBuilder.DropTable(
                name: "DocumentVersions");

            migrationBuilder.DropTable(
                name: "RegionSettings");

            migrationBuilder.DropTable(
                name: "Partners");

            migrationBuilder.DropTable(
                name: "AgreementDocuments");

            migrationBuilder.DropTable(
                name: "Agreements");
        }
    }
}
