using Sinergi.Features.Agreements;
using Sinergi.Features.Partners;
using Sinergi.Infrastructure.Pdf;
using Sinergi.Web;

namespace Sinergi.Features.Reports;

/// <summary>
/// One A4 page on one agreement, for a leader's briefing. Long values are cut to a few lines, the
/// scope to a few lines, the documents to the first few and the history to its latest entries, and
/// the page says what was cut. When a crowded agreement still overflows, the page is laid out again
/// with tighter limits, down to limits that always fit.
/// </summary>
public static class AgreementProfilePdf
{
    public const string Heading = "PROFIL KERJA SAMA";

    /// <summary>How much of each part is shown: title lines, lines per value, scope lines, documents.</summary>
    private sealed record Limits(int TitleLines, int ValueLines, int ScopeLines, int Documents);

    private static readonly Limits[] FromRoomyToTight = [new(3, 3, 6, 5), new(3, 3, 4, 4), new(2, 2, 3, 3), new(2, 2, 2, 2)];

    public static byte[] Render(AgreementProfile profile)
    {
        byte[] pdf = [];
        foreach (var limits in FromRoomyToTight)
        {
            (pdf, var pages) = Render(profile, limits);
            if (pages == 1)
                break;
        }
        return pdf;
    }

    private static (byte[] Pdf, int Pages) Render(AgreementProfile profile, Limits limits)
    {
        var a = profile.Agreement;
        using var pdf = new PdfDocumentBuilder(new PdfPageSetup($"Profil kerja sama · {a.Number ?? a.Title}", profile.OwnerGovernment, Indonesian.Date(profile.Today)));
        pdf.Title(Heading, a.Title, limits.TitleLines);
        pdf.KeyValues(Fields(profile), keyWidth: 135, maxLines: limits.ValueLines, font: PdfFonts.Table);

        pdf.Heading("Ruang lingkup", keepWithNext: 30);
        var cut = pdf.Paragraph(string.IsNullOrWhiteSpace(a.Scope) ? "Belum diisi." : a.Scope, PdfFonts.Table, limits.ScopeLines);
        if (cut)
            pdf.Paragraph("Ruang lingkup dipersingkat (…); teks lengkap ada pada halaman kerja sama di Sinergi.", PdfFonts.Note, muted: true);

        pdf.Heading("Dokumen", keepWithNext: 30);
        var documents = new PdfTable(new("Dokumen", 34), new("Berkas terakhir", 36), new("Versi", 8, Numeric: true), new("Diunggah", 22))
        {
            EmptyText = "Belum ada dokumen yang diunggah.",
            MaxLinesPerCell = 2,
        };
        foreach (var document in a.Documents.OrderBy(d => d.Title).Take(limits.Documents))
        {
            var latest = document.Versions.OrderByDescending(v => v.Number).First();
            documents.Add(document.Title, $"{latest.FileName} ({Indonesian.FileSize(latest.Size)})", Indonesian.Number(latest.Number),
                Indonesian.DateTime(latest.UploadedAt, a.RegionCode));
        }
        pdf.Table(documents);
        if (a.Documents.Count > limits.Documents)
            pdf.Paragraph($"… dan {a.Documents.Count - limits.Documents} dokumen lainnya, tercantum pada halaman kerja sama di Sinergi.", PdfFonts.Note, muted: true);

        pdf.Heading($"Riwayat terakhir ({profile.LatestHistory.Count} entri terbaru)", keepWithNext: 30);
        var history = new PdfTable(new("Waktu", 24), new("Tindakan", 16), new("Oleh", 20), new("Isian yang berubah", 40))
        {
            EmptyText = "Belum ada riwayat.",
            MaxLinesPerCell = 2,
        };
        foreach (var entry in profile.LatestHistory)
        {
            history.Add(Indonesian.DateTime(entry.At, a.RegionCode), entry.Action, entry.UserName,
                entry.Changes.Count == 0 ? "—" : string.Join(", ", entry.Changes.Select(c => c.Field)));
        }
        pdf.Table(history);
        var pages = pdf.PageCount;
        return (pdf.ToArray(), pages);
    }

    private static IEnumerable<(string, string)> Fields(AgreementProfile profile)
    {
        var a = profile.Agreement;
        yield return ("Nomor", a.Number ?? "Belum dicatat");
        if (a.PartnerNumber is not null)
            yield return ("Nomor pihak mitra", a.PartnerNumber);
        yield return ("Jenis kerja sama", $"{AgreementLabels.Code(a.Kind)} — {AgreementLabels.Label(a.Kind)}");
        yield return ("Jenis dokumen", AgreementLabels.Label(a.DocumentType));
        yield return ("Status", $"{AgreementLabels.Label(profile.Status)} (per {Indonesian.Date(profile.Today)})");
        yield return ("Para pihak", string.Join("; ",
            a.Partners.OrderBy(p => p.Name).Select(p => $"{p.Name} ({Partner.Label(p.Type).ToLowerInvariant()})")
                .Prepend($"{profile.OwnerGovernment} (pencatat)")));
        yield return ("OPD penanggung jawab", a.Opds.Count == 0 ? "Belum ditentukan" : string.Join("; ", a.Opds.OrderBy(o => o.ShortName).Select(o => $"{o.ShortName} — {o.Name}")));
        yield return ("Urusan", a.Urusan.Count == 0 ? "Belum ditentukan" : string.Join("; ", a.Urusan.OrderBy(u => u.Code).Select(u => $"{u.Code} {u.Name}")));
        yield return ("Ditandatangani", ReportFormat.Date(a.SignedOn));
        yield return ("Masa berlaku", $"{ReportFormat.Date(a.StartsOn)} s.d. {ReportFormat.Date(a.EndsOn)}");
        if (Duration(a) is { } duration)
            yield return ("Jangka waktu", duration);
        yield return ("Nilai dan sumber dana", $"{ReportFormat.Rupiah(a.Value)}{(a.Funding is { } f ? " · " + AgreementLabels.Label(f) : "")}");
        yield return ("Persetujuan DPRD", !a.DprdApprovalRequired ? "Tidak diperlukan"
            : a.DprdApprovedOn is { } approved ? $"Disetujui {Indonesian.Date(approved)}{(a.DprdApprovalNumber is null ? "" : $", nomor {a.DprdApprovalNumber}")}"
            : "Diperlukan, belum tercatat disetujui");
        if (a.Lifecycle == AgreementLifecycle.Diakhiri)
            yield return ("Diakhiri", $"{ReportFormat.Date(a.TerminatedOn)} — {a.TerminationReason}");
        if (profile.Parent.Count > 0)
            yield return ("Induk", string.Join("; ", profile.Parent));
        if (profile.Children.Count > 0)
            yield return ("PKS dan adendum", string.Join("; ", profile.Children));
        if (profile.Extends.Count > 0)
            yield return ("Perpanjangan dari", string.Join("; ", profile.Extends));
        if (profile.ExtendedBy.Count > 0)
            yield return ("Diperpanjang dengan", string.Join("; ", profile.ExtendedBy));
    }

    /// <summary>"5 tahun" as recorded, or counted from the dates when they make whole months.</summary>
    private static string? Duration(Agreement a)
    {
        if (a.DurationMonths is int months)
            return AgreementHistory.Duration(months);
        if (a.StartsOn is not { } start || a.EndsOn is not { } end || end < start)
            return null;
        // Counting months from a date outside the registry's could leave the calendar.
        if (!AgreementDates.InRange(start) || !AgreementDates.InRange(end))
            return $"{Indonesian.Number(end.DayNumber - start.DayNumber + 1)} hari";
        var next = end.AddDays(1);
        var whole = (next.Year - start.Year) * 12 + next.Month - start.Month;
        return whole > 0 && AgreementStatusRules.EndFromDuration(start, whole) == end ? AgreementHistory.Duration(whole)
            : $"{Indonesian.Number(end.DayNumber - start.DayNumber + 1)} hari";
    }
}
