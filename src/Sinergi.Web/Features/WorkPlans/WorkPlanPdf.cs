using Sinergi.Infrastructure.Pdf;
using Sinergi.Web;

namespace Sinergi.Features.WorkPlans;

/// <summary>The end-of-year report of the TKKSD's work plan: each activity with its owner, months, target, progress and note.</summary>
public static class WorkPlanPdf
{
    public static byte[] Render(string governmentName, int year, IReadOnlyList<WorkPlanActivity> activities, DateOnly today)
    {
        using var pdf = new PdfDocumentBuilder(new PdfPageSetup($"Laporan rencana kerja TKKSD {year}", governmentName, Indonesian.Date(today)));
        pdf.Title($"LAPORAN PELAKSANAAN RENCANA KERJA TKKSD TAHUN {year}", governmentName.ToUpperInvariant());
        var done = activities.Count(a => a.Progress >= 100);
        var late = activities.Count(a => a.IsLate(today));
        pdf.KeyValues([
            ("Jumlah kegiatan", Indonesian.Number(activities.Count)), ("Selesai", Indonesian.Number(done)), ("Terlambat", Indonesian.Number(late)),
            ("Kemajuan rata-rata", activities.Count == 0 ? "—" : $"{activities.Average(a => a.Progress).ToString("0", Indonesian.Culture)} %"),
        ]);
        pdf.Heading("Kegiatan");
        var table = new PdfTable(new PdfColumn("Kegiatan", 30), new PdfColumn("Penanggung jawab", 20), new PdfColumn("Bulan", 12),
            new PdfColumn("Target", 20), new PdfColumn("Kemajuan", 18));
        foreach (var a in activities)
            table.Rows.Add([a.Title, a.OwnerName, $"{WorkPlanRules.Months[a.StartMonth - 1]}–{WorkPlanRules.Months[a.EndMonth - 1]}", a.Target,
                $"{a.Progress} %{(a.IsLate(today) ? " (terlambat)" : "")}{(a.ProgressNote is { } n ? "\n" + (n.Length > 200 ? n[..200] + "…" : n) : "")}"]);
        pdf.Table(table);
        pdf.SignatureBlock([$"{governmentName}, {Indonesian.Date(today)}", "Ketua TKKSD"], ["Sekretaris Daerah"]);
        return pdf.ToArray();
    }
}
