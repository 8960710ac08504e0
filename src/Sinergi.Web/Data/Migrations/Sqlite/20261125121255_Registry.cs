using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sinergi.Data.Migrations.Sqlite
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    DocumentType = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    PartnerNumber = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    SignedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DurationMonths = table.Column<int>(type: "INTEGER", nullable: true),
                    Value = table.Column<decimal>(type: "TEXT", precision: 18, scale: 0, nullable: true),
                    Funding = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    DprdApprovalRequired = table.Column<bool>(type: "INTEGER", nullable: false),
                    DprdApprovedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DprdApprovalNumber = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    ParentId = table.Column<int>(type: "INTEGER", nullable: true),
                    ExtendsId = table.Column<int>(type: "INTEGER", nullable: true),
                    Lifecycle = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    TerminatedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    TerminationReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    EntityType = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    EntityId = table.Column<int>(type: "INTEGER", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: true),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Changes = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Partners",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    LinkedRegionCode = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Country = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    ContactPhone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    ContactEmail = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    ExpiringWindowDays = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgreementId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
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
                    AgreementId = table.Column<int>(type: "INTEGER", nullable: false),
                    OpdId = table.Column<int>(type: "INTEGER", nullable: false)
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
                    AgreementId = table.Column<int>(type: "INTEGER", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false)
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
                    AgreementId = table.Column<int>(type: "INTEGER", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false)
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
                    AgreementId = table.Column<int>(type: "INTEGER", nullable: false),
                    UrusanCode = table.Column<string>(type: "TEXT", nullable: false)
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
                    AgreementId = table.Column<int>(type: "INTEGER", nullable: false),
                    PartnerId = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DocumentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: true),
                    UploadedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UploadedById = table.Column<string>(type: "TEXT", nullable: true),
                    UploadedByName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false)
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

            // Written by hand: full-text search over AgreementSearch (FTS5, kept in step by triggers)
            // and an audit table that refuses updates and deletes.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "AgreementSearchFts" USING fts5("Body", content='AgreementSearch', content_rowid='AgreementId', tokenize='unicode61 remove_diacritics 2');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "AgreementSearch_ai" AFTER INSERT ON "AgreementSearch" BEGIN
                    INSERT INTO "AgreementSearchFts"(rowid, "Body") VALUES (new."AgreementId", new."Body");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "AgreementSearch_ad" AFTER DELETE ON "AgreementSearch" BEGIN
                    INSERT INTO "AgreementSearchFts"("AgreementSearchFts", rowid, "Body") VALUES ('delete', old."AgreementId", old."Body");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "AgreementSearch_au" AFTER UPDATE ON "AgreementSearch" BEGIN
                    INSERT INTO "AgreementSearchFts"("AgreementSearchFts", rowid, "Body") VALUES ('delete', old."AgreementId", old."Body");
                    INSERT INTO "AgreementSearchFts"(rowid, "Body") VALUES (new."AgreementId", new."Body");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditEvents_no_update" BEFORE UPDATE ON "AuditEvents" BEGIN
                    SELECT RAISE(ABORT, 'Riwayat (AuditEvents) hanya dapat ditambah, tidak dapat diubah.');
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditEvents_no_delete" BEFORE DELETE ON "AuditEvents" BEGIN
                    SELECT RAISE(ABORT, 'Riwayat (AuditEvents) hanya dapat ditambah, tidak dapat dihapus.');
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "AuditEvents_no_delete";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "AuditEvents_no_update";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "AgreementSearch_au";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "AgreementSearch_ad";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "AgreementSearch_ai";""");
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "AgreementSearchFts";""");

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
