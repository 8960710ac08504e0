using Sinergi.Infrastructure.Pdf;
using Sinergi.Web;

namespace Sinergi.Features.Tkksd;

/// <summary>The notulen, or the berita acara, of a rapat TKKSD as an A4 PDF with the attendance list.</summary>
public static class TkksdPdf
{
    public sealed record Attendee(string Name, string Position, string Office, bool Present);

    public static byte[] Render(bool beritaAcara, string governmentName, TkksdMeeting meeting, TkksdMinutes? minutes, IReadOnlyList<Attendee> attendance,
        IReadOnlyList<TkksdQueries.ActionRow> actions, DateOnly today)
    {
        var kind = beritaAcara ? "Berita acara" : "Notulen";
        using var pdf = new PdfDocumentBuilder(new PdfPageSetup($"{kind} rapat TKKSD · {meeting.Title}", governmentName, Indonesian.Date(today)));
        pdf.Title($"{kind.ToUpperInvariant()} RAPAT TIM KOORDINASI KERJA SAMA DAERAH", $"{governmentName.ToUpperInvariant()}\n{meeting.Title}");
        if (beritaAcara)
            pdf.Paragraph($"Pada hari ini, {Indonesian.Date(meeting.HeldOn)}, bertempat di {meeting.Place}, Tim Koordinasi Kerja Sama Daerah telah melaksanakan rapat "
                + "dengan acara dan keputusan sebagaimana tercantum di bawah ini.");
        pdf.KeyValues([
            ("Tanggal", Indonesian.Date(meeting.HeldOn)), ("Waktu", meeting.Time ?? "—"), ("Tempat", meeting.Place),
            ("Notulen", minutes is null ? "belum ditulis" : $"versi {minutes.Revision}, {(minutes.IsApproved ? $"disetujui {minutes.ApprovedByName}" : "draf, belum disetujui")}"),
        ]);
        if (minutes?.CorrectionReason is { } reason)
            pdf.Paragraph($"Koreksi atas versi sebelumnya: {reason}", PdfFonts.Note, muted: true);
        pdf.Heading("A. Acara dan keputusan");
        var agenda = new PdfTable(new PdfColumn("No.", 6, Numeric: true), new PdfColumn("Acara", 44), new PdfColumn("Keputusan", 50));
        foreach (var item in meeting.Agenda.OrderBy(a => a.Order))
            agenda.Rows.Add([Indonesian.Number(item.Order), item.Title, minutes?.Decisions.GetValueOrDefault(item.Id) ?? "—"]);
        pdf.Table(agenda);
        if (minutes?.Summary is { } summary)
        {
            pdf.Heading("B. Ringkasan pembahasan");
            pdf.Paragraph(summary);
        }
        pdf.Heading("C. Tindak lanjut");
        var follow = new PdfTable(new PdfColumn("Tindak lanjut", 50), new PdfColumn("Penanggung jawab", 25), new PdfColumn("Batas waktu", 25));
        foreach (var a in actions)
            follow.Rows.Add([a.Description, a.OwnerName, Indonesian.Date(a.DueOn)]);
        pdf.Table(follow);
        pdf.Heading("D. Daftar hadir");
        var present = new PdfTable(new PdfColumn("Nama", 30), new PdfColumn("Kedudukan", 15), new PdfColumn("Jabatan", 35), new PdfColumn("Kehadiran", 20));
        foreach (var a in attendance)
            present.Rows.Add([a.Name, a.Position, a.Office, a.Present ? "Hadir" : "Tidak hadir"]);
        pdf.Table(present);
        if (beritaAcara)
            pdf.SignatureBlock(["Ketua TKKSD"], [attendance.FirstOrDefault(a => a.Position == "Ketua")?.Name ?? "(nama)"]);
        return pdf.ToArray();
    }
}
