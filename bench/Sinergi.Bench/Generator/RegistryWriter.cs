using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Sinergi.Audit;
using Sinergi.Features.Agreements;
using Sinergi.Features.Agreements.Documents;
using Sinergi.Features.Agreements.Registry;
using Sinergi.Features.Partners;
using Sinergi.Features.Regions;
using Sinergi.Web;

namespace Sinergi.Bench.Generator;

/// <summary>
/// Writes planned partners and agreements with prepared statements in one transaction, row for row
/// as the app would: enum names as text, dates and instants as Microsoft.Data.Sqlite binds them
/// (the same binder EF Core uses), the search text from <see cref="SearchIndex.Body"/>, and the
/// history entries that creating an agreement and uploading its document leave.
/// </summary>
internal sealed class RegistryWriter : IDisposable
{
    public const string ActorName = "Data uji beban";

    private static readonly Dictionary<AgreementDocumentType, string> Headings = new()
    {
        [AgreementDocumentType.KesepakatanBersama] = "Kesepakatan Bersama",
        [AgreementDocumentType.NotaKesepakatan] = "Nota Kesepakatan",
        [AgreementDocumentType.PerjanjianKerjaSama] = "Perjanjian Kerja Sama",
        [AgreementDocumentType.Adendum] = "Adendum Perjanjian Kerja Sama",
        [AgreementDocumentType.LoiMou] = "Letter of Intent",
    };

    private readonly Insert _partner, _agreement, _agreementPartner, _agreementUrusan, _agreementOpd, _share, _document, _version, _search, _audit;
    private readonly IReadOnlyDictionary<string, Region> _regions;
    private readonly DateTime _now;
    private int _nextDocumentId, _nextVersionId;

    public RegistryWriter(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyDictionary<string, Region> regions,
        int nextDocumentId, int nextVersionId, DateTime now)
    {
        Insert Prepare(string table, params string[] columns) => new(connection, transaction, table, columns);
        _partner = Prepare("Partners", "Id", "RegionCode", "Type", "Name", "NormalizedName", "LinkedRegionCode", "Address", "Country",
            "ContactName", "ContactPhone", "ContactEmail", "Latitude", "Longitude", "Version", "CreatedAt", "UpdatedAt");
        _agreement = Prepare("Agreements", "Id", "RegionCode", "Kind", "DocumentType", "Number", "PartnerNumber", "Title", "Scope",
            "SignedOn", "StartsOn", "EndsOn", "DurationMonths", "Value", "Funding", "DprdApprovalRequired", "DprdApprovedOn",
            "DprdApprovalNumber", "ParentId", "ExtendsId", "Lifecycle", "TerminatedOn", "TerminationReason", "Version", "CreatedAt", "UpdatedAt");
        _agreementPartner = Prepare("AgreementPartner", "AgreementId", "PartnerId");
        _agreementUrusan = Prepare("AgreementUrusan", "AgreementId", "UrusanCode");
        _agreementOpd = Prepare("AgreementOpd", "AgreementId", "OpdId");
        _share = Prepare("AgreementShares", "AgreementId", "RegionCode");
        _document = Prepare("AgreementDocuments", "Id", "AgreementId", "Title");
        _version = Prepare("DocumentVersions", "Id", "DocumentId", "Number", "FileName", "ContentType", "Size", "Sha256", "Text",
            "UploadedAt", "UploadedById", "UploadedByName");
        _search = Prepare("AgreementSearch", "AgreementId", "RegionCode", "Body");
        _audit = Prepare("AuditEvents", "RegionCode", "EntityType", "EntityId", "Action", "At", "UserId", "UserName", "Changes");
        _regions = regions;
        (_nextDocumentId, _nextVersionId, _now) = (nextDocumentId, nextVersionId, now);
    }

    public void Write(Partner p) =>
        _partner.Run(p.Id, p.RegionCode, p.Type.ToString(), p.Name, p.NormalizedName, p.LinkedRegionCode, p.Address, p.Country,
            p.ContactName, p.ContactPhone, p.ContactEmail, p.Latitude, p.Longitude, p.Version, p.CreatedAt, p.UpdatedAt);

    public void Write(PlannedAgreement planned)
    {
        var a = planned.Agreement;
        var created = History(a);
        var documents = new List<(string Title, string FileName, string? Text)>();
        AuditEvent? uploaded = null;
        if (planned.HasDocument)
        {
            var rng = new Random(planned.TextSeed);
            var document = Document(rng, planned);
            var version = document.Versions[0];
            documents.Add((document.Title, version.FileName, version.Text));
            uploaded = History(a, AuditActions.DocumentUploaded, version.UploadedAt, [new AuditChange("Dokumen", null,
                $"{document.Title}, versi 1: {version.FileName} ({Indonesian.FileSize(version.Size)}, SHA-256 {version.Sha256})")]);
            // An upload changes the agreement as people see it: its version and time move.
            a.Version = 1;
            a.UpdatedAt = version.UploadedAt;
            a.Documents.Add(document);
        }

        _agreement.Run(a.Id, a.RegionCode, a.Kind.ToString(), a.DocumentType.ToString(), a.Number, a.PartnerNumber, a.Title, a.Scope,
            a.SignedOn, a.StartsOn, a.EndsOn, a.DurationMonths, a.Value, a.Funding?.ToString(), a.DprdApprovalRequired, a.DprdApprovedOn,
            a.DprdApprovalNumber, a.ParentId, a.ExtendsId, a.Lifecycle.ToString(), a.TerminatedOn, a.TerminationReason, a.Version,
            a.CreatedAt, a.UpdatedAt);
        foreach (var partner in a.Partners)
            _agreementPartner.Run(a.Id, partner.Id);
        foreach (var urusan in a.Urusan)
            _agreementUrusan.Run(a.Id, urusan.Code);
        foreach (var opd in a.Opds)
            _agreementOpd.Run(a.Id, opd.Id);
        foreach (var share in a.SharedWith)
            _share.Run(a.Id, share.RegionCode);
        foreach (var document in a.Documents)
        {
            _document.Run(document.Id, a.Id, document.Title);
            foreach (var v in document.Versions)
                _version.Run(v.Id, document.Id, v.Number, v.FileName, v.ContentType, v.Size, v.Sha256, v.Text, v.UploadedAt, v.UploadedById, v.UploadedByName);
        }
        _search.Run(a.Id, a.RegionCode, SearchIndex.Body(a, documents));
        Write(created);
        if (uploaded is not null)
            Write(uploaded);
        a.Documents.Clear();
    }

    private void Write(AuditEvent e) =>
        _audit.Run(e.RegionCode, e.EntityType, e.EntityId, e.Action, e.At, e.UserId, e.UserName, JsonSerializer.Serialize(e.Changes, JsonSerializerOptions.Default));

    /// <summary>The "Dibuat" entry, with the fields as <see cref="AgreementHistory.SnapshotAsync"/> reads them.</summary>
    private static AuditEvent History(Agreement a)
    {
        // The snapshot asks the database for the parent's name only when there is a parent; we have it at hand.
        var parentId = a.ParentId;
        a.ParentId = null;
        var snapshot = AgreementHistory.SnapshotAsync(null!, a).GetAwaiter().GetResult();
        a.ParentId = parentId;
        if (a.Parent is not null)
            snapshot["Induk"] = AgreementHistory.Reference(a.Parent);
        return History(a, AuditActions.Created, a.CreatedAt, AgreementHistory.Diff(null, snapshot));
    }

    private AgreementDocument Document(Random rng, PlannedAgreement planned)
    {
        var a = planned.Agreement;
        var owner = _regions[a.RegionCode];
        var text = DocumentText.Write(rng, Headings[a.DocumentType], a.Title, owner.GovernmentName,
            string.Join(" dan ", a.Partners.Select(p => p.Name)), planned.Topic, rng.Next(1024, 4097));
        var bytes = Encoding.UTF8.GetBytes(text);
        var docx = rng.NextDouble() < 0.2;
        var baseName = $"{AgreementLabels.Slug(a.DocumentType)}-{a.Number!.Replace('/', '-').ToLowerInvariant()}";
        var uploadedAt = a.CreatedAt.AddMinutes(rng.Next(5, 60 * 24 * 20));
        return new AgreementDocument
        {
            Id = _nextDocumentId++,
            AgreementId = a.Id,
            Title = $"Naskah {AgreementLabels.Code(a.DocumentType)} bertanda tangan",
            Versions =
            [
                new DocumentVersion
                {
                    Id = _nextVersionId++,
                    Number = 1,
                    FileName = baseName + (docx ? ".docx" : ".pdf"),
                    ContentType = docx ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document" : "application/pdf",
                    Size = bytes.Length,
                    Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
                    Text = text,
                    TextState = DocumentTextState.Done,
                    UploadedAt = uploadedAt < _now ? uploadedAt : _now,
                    UploadedByName = ActorName,
                },
            ],
        };
    }

    public void Dispose()
    {
        foreach (var insert in new[] { _partner, _agreement, _agreementPartner, _agreementUrusan, _agreementOpd, _share, _document, _version, _search, _audit })
            insert.Dispose();
    }

    /// <summary>One prepared INSERT, its parameters reused row after row.</summary>
    private sealed class Insert : IDisposable
    {
        private readonly SqliteCommand _command;
        private readonly SqliteParameter[] _parameters;

        public Insert(SqliteConnection connection, SqliteTransaction transaction, string table, string[] columns)
        {
            _command = connection.CreateCommand();
            _command.Transaction = transaction;
            _command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
            _parameters = columns.Select((_, i) => _command.Parameters.Add(new SqliteParameter($"$p{i}", null))).ToArray();
        }

        public void Run(params object?[] values)
        {
            for (var i = 0; i < values.Length; i++)
                _parameters[i].Value = values[i] ?? DBNull.Value;
            _command.ExecuteNonQuery();
        }

        public void Dispose() => _command.Dispose();
    }

    /// <summary>A history entry as the app writes one, dated when the generated registry says it happened.</summary>
    private static AuditEvent History(Agreement a, string action, DateTime at, List<AuditChange> changes) => new()
    {
        RegionCode = a.RegionCode,
        EntityType = AuditEntities.Agreement,
        EntityId = a.Id,
        Action = action,
        At = at,
        UserName = ActorName,
        Changes = changes,
    };
}
