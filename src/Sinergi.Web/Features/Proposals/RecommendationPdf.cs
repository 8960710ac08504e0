using Sinergi.Features.Agreements;
using Sinergi.Infrastructure.Pdf;
using Sinergi.Web;

namespace Sinergi.Features.Proposals;

/// <summary>
/// The TKKSD's surat rekomendasi to the head of region, numbered per proposal and round: the
/// proposal, the assessment summary (scores, quorum, opinions in brief), the costs and the decision asked for.
/// </summary>
public static class RecommendationPdf
{
    public static string Number(Proposal p) => $"{p.Sequence:000}/REK-TKKSD/{p.Year}{(p.Round > 1 ? $"-R{p.Round}" : "")}";

    public static byte[] Render(Proposal p, string governmentName, IReadOnlyList<ProposalVote> votes, ProposalVotes.Quorum quorum,
        IReadOnlyList<ProposalCostItem> costs, DateOnly today)
    {
        using var pdf = new PdfDocumentBuilder(new PdfPageSetup($"Surat rekomendasi {Number(p)}", governmentName, Indonesian.Date(today)));
        pdf.Title("SURAT REKOMENDASI TIM KOORDINASI KERJA SAMA DAERAH", $"{governmentName.ToUpperInvariant()}\nNomor: {Number(p)}");
        pdf.Paragraph("Kepada Yth. Kepala Daerah. Tim Koordinasi Kerja Sama Daerah telah menilai usulan kerja sama berikut.");
        pdf.Heading("A. Usulan");
        pdf.KeyValues([
            ("Nomor usulan", p.Number), ("Judul", p.Title), ("Jenis", $"{AgreementLabels.Code(p.Kind)} — {AgreementLabels.Label(p.Kind)}"),
            ("OPD penanggung jawab", p.Opd?.Name ?? "—"), ("Mitra", p.Partners.Count == 0 ? p.OfferFrom ?? "—" : string.Join(", ", p.Partners.Select(x => x.Name))),
            ("Ruang lingkup", p.Scope ?? "—"), ("Jangka waktu", p.DurationMonths is int m ? $"{m} bulan" : "—"),
            ("Pendanaan", $"{(p.FundedInApbd ? "tercantum dalam APBD" : "belum tercantum dalam APBD")}; {(p.BurdensPublic ? "membebani masyarakat" : "tidak membebani masyarakat")}"),
            ("Persetujuan DPRD", p.DprdRequired ? "diperlukan" : "tidak diperlukan"),
        ]);
        pdf.Heading("B. Ringkasan penilaian");
        pdf.Paragraph($"Kuorum: {quorum.Rule}; {quorum.Votes} penilaian masuk; {(quorum.Reached ? "kuorum tercapai" : "kuorum belum tercapai")}."
            + (votes.Count > 0 ? $" Nilai rata-rata {votes.Average(v => v.WeightedScore).ToString("0.#", Indonesian.Culture)} dari 100." : ""));
        var table = new PdfTable(new PdfColumn("Anggota", 30), new PdfColumn("Nilai", 10, Numeric: true), new PdfColumn("Pendapat", 60));
        foreach (var v in votes)
            table.Rows.Add([$"{v.UserName}\n{Indonesian.Date(v.At, p.RegionCode)}", v.WeightedScore.ToString("0.#", Indonesian.Culture), v.Opinion.Length > 300 ? v.Opinion[..300] + "…" : v.Opinion]);
        pdf.Table(table);
        pdf.Heading("C. Perhitungan biaya");
        pdf.Paragraph($"Total {Indonesian.Rupiah(costs.Sum(c => c.Total))} dalam {costs.Count} rincian.");
        pdf.Heading("D. Keputusan yang dimohon");
        pdf.Paragraph(quorum.Reached
            ? "TKKSD merekomendasikan agar Kepala Daerah menyetujui usulan ini untuk dilanjutkan ke penandatanganan."
            : "Penilaian belum mencapai kuorum; rekomendasi belum dapat diberikan.");
        pdf.SignatureBlock([$"{governmentName}, {Indonesian.Date(today)}", "Ketua TKKSD"], ["Sekretaris Daerah"]);
        return pdf.ToArray();
    }
}
