using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Sinergi.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Proposals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ProposalSettings",
                columns: table => new
                {
                    RegionCode = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    Criteria = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    QuorumMinimum = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalSettings", x => x.RegionCode);
                    table.ForeignKey(
                        name: "FK_ProposalSettings_Regions_RegionCode",
                        column: x => x.RegionCode,
                        principalTable: "Regions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SopVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionCode = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    Kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Stages = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedByName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SopVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SopVersions_Regions_RegionCode",
                        column: x => x.RegionCode,
                        principalTable: "Regions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Proposals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionCode = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Background = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Aims = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Scope = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    OpdId = table.Column<int>(type: "integer", nullable: false),
                    DurationMonths = table.Column<int>(type: "integer", nullable: true),
                    Location = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Benefits = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    FundedInApbd = table.Column<bool>(type: "boolean", nullable: false),
                    BurdensPublic = table.Column<bool>(type: "boolean", nullable: false),
                    FromOffer = table.Column<bool>(type: "boolean", nullable: false),
                    OfferFrom = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    OfferLetterNumber = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    TrackingCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    ParentAgreementId = table.Column<int>(type: "integer", nullable: true),
                    SopVersionId = table.Column<int>(type: "integer", nullable: false),
                    Stage = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    StageSince = table.Column<DateOnly>(type: "date", nullable: false),
                    StageDueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    State = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Checked = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Round = table.Column<int>(type: "integer", nullable: false),
                    LastReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AgreementId = table.Column<int>(type: "integer", nullable: true),
                    KbAgreementId = table.Column<int>(type: "integer", nullable: true),
                    KbSignedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    OverlapReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CreatedById = table.Column<string>(type: "text", nullable: true),
                    CreatedByName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Proposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Proposals_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Proposals_Agreements_KbAgreementId",
                        column: x => x.KbAgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Proposals_Agreements_ParentAgreementId",
                        column: x => x.ParentAgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Proposals_Opds_OpdId",
                        column: x => x.OpdId,
                        principalTable: "Opds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Proposals_Regions_RegionCode",
                        column: x => x.RegionCode,
                        principalTable: "Regions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Proposals_SopVersions_SopVersionId",
                        column: x => x.SopVersionId,
                        principalTable: "SopVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProposalCostItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProposalId = table.Column<int>(type: "integer", nullable: false),
                    Item = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Volume = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Unit = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    UnitPrice = table.Column<decimal>(type: "numeric(18,0)", precision: 18, scale: 0, nullable: false),
                    Source = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalCostItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProposalCostItems_Proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "Proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProposalDocuments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProposalId = table.Column<int>(type: "integer", nullable: false),
                    Type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UploadedById = table.Column<string>(type: "text", nullable: true),
                    UploadedByName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    RejectedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RejectedByName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    RejectedReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProposalDocuments_Proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "Proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProposalPartner",
                columns: table => new
                {
                    PartnerId = table.Column<int>(type: "integer", nullable: false),
                    ProposalId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalPartner", x => new { x.PartnerId, x.ProposalId });
                    table.ForeignKey(
                        name: "FK_ProposalPartner_Partners_PartnerId",
                        column: x => x.PartnerId,
                        principalTable: "Partners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProposalPartner_Proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "Proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProposalUrusan",
                columns: table => new
                {
                    ProposalId = table.Column<int>(type: "integer", nullable: false),
                    UrusanCode = table.Column<string>(type: "character varying(5)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalUrusan", x => new { x.ProposalId, x.UrusanCode });
                    table.ForeignKey(
                        name: "FK_ProposalUrusan_Proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "Proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProposalUrusan_Urusan_UrusanCode",
                        column: x => x.UrusanCode,
                        principalTable: "Urusan",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProposalVotes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProposalId = table.Column<int>(type: "integer", nullable: false),
                    Round = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    UserName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    RoleLabel = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Scores = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Opinion = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalVotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProposalVotes_Proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "Proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProposalCostItems_ProposalId",
                table: "ProposalCostItems",
                column: "ProposalId");

            migrationBuilder.CreateIndex(
                name: "IX_ProposalDocuments_ProposalId_Type_Number",
                table: "ProposalDocuments",
                columns: new[] { "ProposalId", "Type", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProposalPartner_PartnerId",
                table: "ProposalPartner",
                column: "PartnerId");

            migrationBuilder.CreateIndex(
                name: "IX_ProposalPartner_ProposalId",
                table: "ProposalPartner",
                column: "ProposalId");

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_AgreementId",
                table: "Proposals",
                column: "AgreementId");

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_KbAgreementId",
                table: "Proposals",
                column: "KbAgreementId");

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_OpdId",
                table: "Proposals",
                column: "OpdId");

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_ParentAgreementId",
                table: "Proposals",
                column: "ParentAgreementId");

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_RegionCode_OpdId",
                table: "Proposals",
                columns: new[] { "RegionCode", "OpdId" });

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_RegionCode_State_StageDueOn",
                table: "Proposals",
                columns: new[] { "RegionCode", "State", "StageDueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_RegionCode_Year_Sequence",
                table: "Proposals",
                columns: new[] { "RegionCode", "Year", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_SopVersionId",
                table: "Proposals",
                column: "SopVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_TrackingCode",
                table: "Proposals",
                column: "TrackingCode",
                unique: true,
                filter: "\"TrackingCode\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ProposalUrusan_UrusanCode",
                table: "ProposalUrusan",
                column: "UrusanCode");

            migrationBuilder.CreateIndex(
                name: "IX_ProposalVotes_ProposalId_Round_UserId",
                table: "ProposalVotes",
                columns: new[] { "ProposalId", "Round", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SopVersions_RegionCode_Kind_Number",
                table: "SopVersions",
                columns: new[] { "RegionCode", "Kind", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProposalCostItems");

            migrationBuilder.DropTable(
                name: "ProposalDocuments");

            migrationBuilder.DropTable(
                name: "ProposalPartner");

            migrationBuilder.DropTable(
                name: "ProposalSettings");

            migrationBuilder.DropTable(
                name: "ProposalUrusan");

            migrationBuilder.DropTable(
                name: "ProposalVotes");

            migrationBuilder.DropTable(
                name: "Proposals");

            migrationBuilder.DropTable(
                name: "SopVersions");
        }
    }
}
