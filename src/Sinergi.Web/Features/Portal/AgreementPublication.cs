using Microsoft.EntityFrameworkCore;
using Sinergi.Audit;
using Sinergi.Data;
using Sinergi.Features.Agreements;
using Sinergi.Web;

namespace Sinergi.Features.Portal;

/// <summary>
/// Whether an agreement, and which of its documents, the public portal shows. Agreements are public
/// once signed unless marked not public with a reason; documents only when marked public. The page
/// and the API call the same rule, and each change goes into the agreement's history.
/// </summary>
public static class AgreementPublication
{
    public const string ReasonField = "NotPublicReason";
    public const int ReasonMaxLength = 500;

    public static Dictionary<string, string[]> Problems(bool isPublic, string? reason)
    {
        reason = Text.CleanLines(reason);
        var problems = new Dictionary<string, string[]>();
        if (!isPublic && reason is null)
            problems[ReasonField] = ["Alasan wajib diisi bila kerja sama tidak dipublikasikan (UU 14/2008: informasi yang dikecualikan harus beralasan)."];
        else if (reason?.Length > ReasonMaxLength)
            problems[ReasonField] = [$"Alasan paling panjang {ReasonMaxLength} karakter."];
        return problems;
    }

    /// <summary>Saves the choice on a loaded agreement, after <see cref="Problems"/> found nothing, with the documents marked public.</summary>
    public static async Task SaveAsync(AppDbContext db, Agreement agreement, bool isPublic, string? reason, IReadOnlyCollection<int> publicDocumentIds, Actor actor,
        CancellationToken ct = default)
    {
        var changes = new List<AuditChange>();
        var newReason = isPublic ? null : Text.CleanLines(reason);
        if (newReason != agreement.NotPublicReason)
            changes.Add(new AuditChange("Portal publik", Describe(agreement.NotPublicReason), Describe(newReason)));
        agreement.NotPublicReason = newReason;
        var documents = await db.AgreementDocuments.IgnoreQueryFilters().Where(d => d.AgreementId == agreement.Id).ToListAsync(ct);
        foreach (var document in documents)
        {
            var shown = publicDocumentIds.Contains(document.Id);
            if (shown != document.IsPublic)
                changes.Add(new AuditChange($"Dokumen publik: {document.Title}", document.IsPublic ? "ya" : "tidak", shown ? "ya" : "tidak"));
            document.IsPublic = shown;
        }
        if (changes.Count > 0)
            await AgreementHistory.SaveAsync(db, agreement, AuditActions.Changed, changes, actor, ct: ct);
    }

    private static string Describe(string? reason) => reason is null ? "dipublikasikan" : $"tidak dipublikasikan: {reason}";
}
