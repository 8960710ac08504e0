using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sinergi.Audit;
using Sinergi.Data;
using Sinergi.Infrastructure.Files;
using Sinergi.Web;

namespace Sinergi.Features.Proposals;

/// <summary>
/// One message of a proposal's discussion: in the proposal's own thread (<see cref="DocumentType"/>
/// null) or in the thread of one of its documents, optionally with a file attached. Messages are never
/// edited or deleted: the discussion is part of the record the TKKSD decides on.
/// </summary>
public class ProposalMessage
{
    public int Id { get; set; }
    public int ProposalId { get; set; }
    public string? DocumentType { get; set; }
    public required string Body { get; set; }
    public string? AuthorId { get; set; }
    public required string AuthorName { get; set; }
    public DateTime At { get; set; }
    public string? FileName { get; set; }
    public string? ContentType { get; set; }
    public long? Size { get; set; }
    public string? Sha256 { get; set; }
}

internal sealed class ProposalMessageConfiguration : IEntityTypeConfiguration<ProposalMessage>
{
    public void Configure(EntityTypeBuilder<ProposalMessage> message)
    {
        message.Property(m => m.DocumentType).HasMaxLength(40);
        message.Property(m => m.Body).HasMaxLength(4000);
        message.Property(m => m.AuthorId).HasMaxLength(450);
        message.Property(m => m.AuthorName).HasMaxLength(120);
        message.Property(m => m.FileName).HasMaxLength(255);
        message.Property(m => m.ContentType).HasMaxLength(100);
        message.Property(m => m.Sha256).HasMaxLength(64);
        message.HasOne<Proposal>().WithMany().HasForeignKey(m => m.ProposalId).OnDelete(DeleteBehavior.Cascade);
        message.HasIndex(m => new { m.ProposalId, m.DocumentType, m.At });
    }
}

/// <summary>Posting to and reading a proposal's threads; the page and the API call these.</summary>
public static class ProposalThread
{
    public const int MaxBody = 4000;

    public static Task<List<ProposalMessage>> ListAsync(AppDbContext db, int proposalId, CancellationToken ct = default) =>
        db.ProposalMessages.AsNoTracking().Where(m => m.ProposalId == proposalId).OrderBy(m => m.At).ThenBy(m => m.Id).ToListAsync(ct);

    /// <summary>
    /// Adds a message from someone who reads the proposal. The attachment is checked by its content
    /// like the proposal's documents and stored by its SHA-256; problems are keyed Body, DocumentType, File.
    /// </summary>
    public static async Task<(ProposalMessage? Message, Dictionary<string, string[]> Problems)> PostAsync(AppDbContext db, FileStore files, ProposalCaller caller,
        Proposal proposal, string? documentType, string? body, string? fileName, Stream? content, long maxBytes, CancellationToken ct = default)
    {
        var problems = new Dictionary<string, string[]>();
        if (!caller.CanRead(proposal))
            return (null, new() { [""] = ["Diskusi usulan diikuti oleh pemerintah daerah yang membaca usulan ini."] });
        var text = Text.CleanLines(body);
        var type = string.IsNullOrWhiteSpace(documentType) ? null : documentType.Trim();
        if (type is not null && !ProposalDocumentTypes.Labels.ContainsKey(type))
            problems["DocumentType"] = ["Pilih dokumen yang dibahas, atau kosongkan untuk diskusi usulan."];
        if (text is null)
            problems["Body"] = ["Tuliskan isi pesan."];
        else if (text.Length > MaxBody)
            problems["Body"] = ["Pesan paling panjang 4.000 karakter."];
        FileInspection? inspection = null;
        if (content is not null)
        {
            inspection = FileInspector.Inspect(fileName ?? "", content, maxBytes);
            if (!inspection.IsAccepted)
                problems["File"] = [inspection.Error!];
        }
        if (problems.Count > 0)
            return (null, problems);
        var message = new ProposalMessage { ProposalId = proposal.Id, DocumentType = type, Body = text!, AuthorId = caller.Actor.UserId, AuthorName = caller.Actor.Name, At = db.UtcNow };
        if (content is not null && inspection is not null)
        {
            content.Position = 0;
            var stored = await files.SaveAsync(content, ct);
            (message.FileName, message.ContentType, message.Size, message.Sha256) = (inspection.FileName, inspection.ContentType, stored.Length, stored.Sha256);
        }
        db.ProposalMessages.Add(message);
        db.AuditEvents.Add(AuditTrail.Entry(db, proposal.RegionCode, AuditEntities.Proposal, proposal.Id, "Diskusi",
            [new AuditChange(type is null ? "Diskusi usulan" : $"Diskusi {ProposalDocumentTypes.Label(type)}", null,
                message.FileName is null ? Shorten(message.Body) : $"{Shorten(message.Body)} (lampiran {message.FileName})")], caller.Actor));
        await db.SaveChangesAsync(ct);
        return (message, problems);
    }

    public static string ThreadName(string? documentType) => documentType is null ? "Diskusi usulan" : ProposalDocumentTypes.Label(documentType);

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
