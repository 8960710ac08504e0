using System.Text;

namespace Sinergi.Bench.Generator;

/// <summary>
/// The extracted text of a signed agreement: the usual articles (maksud dan tujuan, ruang lingkup,
/// hak dan kewajiban, ...) written with the phrases of its topic and, now and then, of others.
/// </summary>
internal static class DocumentText
{
    private static readonly (string Heading, string[] Sentences)[] Articles =
    [
        ("Maksud dan Tujuan",
        [
            "Kerja sama ini dimaksudkan untuk meningkatkan {p} dan {p} bagi masyarakat.",
            "Tujuan kerja sama adalah terwujudnya {p} yang efektif, efisien dan berkelanjutan.",
            "Kerja sama ini juga mendukung {o} sebagaimana tercantum dalam rencana pembangunan daerah.",
        ]),
        ("Ruang Lingkup",
        [
            "Ruang lingkup kerja sama meliputi {p}, {p}, {p}, serta {o}.",
            "Rincian kegiatan {p} dan {o} dituangkan dalam rencana kerja tahunan yang disepakati PARA PIHAK.",
            "Lokasi kegiatan {p} ditetapkan bersama berdasarkan hasil survei lapangan.",
        ]),
        ("Pelaksanaan",
        [
            "Pelaksanaan kegiatan {p} dikoordinasikan oleh tim teknis yang ditetapkan oleh PARA PIHAK.",
            "Tim teknis menyusun jadwal, standar operasional prosedur dan indikator keberhasilan {p}.",
            "Dalam pelaksanaannya PARA PIHAK dapat melibatkan perangkat daerah, perguruan tinggi dan masyarakat untuk {o}.",
        ]),
        ("Hak dan Kewajiban",
        [
            "PIHAK PERTAMA berkewajiban menyediakan data, lokasi dan dukungan {p} yang diperlukan.",
            "PIHAK KEDUA berkewajiban melaksanakan {p} sesuai dengan standar teknis dan ketentuan peraturan perundang-undangan.",
            "PARA PIHAK berhak memperoleh informasi dan laporan perkembangan {p} secara berkala.",
        ]),
        ("Jangka Waktu",
        [
            "Perjanjian ini berlaku sejak tanggal ditandatangani dan dapat diperpanjang atas kesepakatan PARA PIHAK.",
            "Rencana perpanjangan disampaikan secara tertulis paling lambat 3 (tiga) bulan sebelum berakhirnya jangka waktu.",
        ]),
        ("Pembiayaan",
        [
            "Biaya pelaksanaan {p} dibebankan pada anggaran PARA PIHAK sesuai kewenangan masing-masing.",
            "Pembiayaan dapat pula bersumber dari sumber lain yang sah dan tidak mengikat, termasuk untuk {o}.",
        ]),
        ("Monitoring dan Evaluasi",
        [
            "PARA PIHAK melakukan monitoring dan evaluasi atas pelaksanaan {p} paling sedikit satu kali dalam enam bulan.",
            "Laporan pelaksanaan kegiatan {p} disampaikan kepada kepala daerah melalui sekretaris daerah.",
        ]),
        ("Keadaan Kahar",
        [
            "Dalam hal terjadi keadaan kahar, pihak yang mengalaminya wajib memberitahukan secara tertulis dalam waktu paling lambat 14 (empat belas) hari.",
            "Keadaan kahar meliputi bencana alam, banjir, kebakaran hutan dan lahan, wabah penyakit dan kebijakan pemerintah.",
        ]),
        ("Penyelesaian Perselisihan",
        [
            "Setiap perselisihan yang timbul dalam pelaksanaan perjanjian ini diselesaikan secara musyawarah untuk mufakat.",
            "Apabila musyawarah tidak mencapai mufakat, PARA PIHAK sepakat menempuh penyelesaian sesuai peraturan perundang-undangan.",
        ]),
        ("Penutup",
        [
            "Hal-hal yang belum diatur dalam perjanjian ini akan diatur kemudian dalam adendum yang merupakan bagian tidak terpisahkan.",
            "Perjanjian ini dibuat dalam rangkap 2 (dua) bermeterai cukup dan mempunyai kekuatan hukum yang sama.",
        ]),
    ];

    /// <summary>A document of about <paramref name="targetLength"/> characters.</summary>
    public static string Write(Random rng, string heading, string title, string firstParty, string secondParty, Topic topic, int targetLength)
    {
        var text = new StringBuilder(targetLength + 600);
        text.Append(heading.ToUpperInvariant()).Append('\n').Append("TENTANG\n").Append(title.ToUpperInvariant()).Append("\n\n");
        text.Append(firstParty).Append(", selanjutnya disebut PIHAK PERTAMA, dan ").Append(secondParty)
            .Append(", selanjutnya disebut PIHAK KEDUA, sepakat untuk mengadakan kerja sama ").Append(title).Append(".\n");
        var article = 0;
        while (text.Length < targetLength)
        {
            var (articleHeading, sentences) = Articles[article % Articles.Length];
            article++;
            text.Append("\nPasal ").Append(article).Append('\n').Append(articleHeading).Append('\n');
            var count = rng.Next(1, sentences.Length + 1);
            for (var i = 0; i < count; i++)
            {
                text.Append('(').Append(i + 1).Append(") ");
                Fill(text, sentences[rng.Next(sentences.Length)], rng, topic);
                text.Append('\n');
            }
        }
        return text.ToString();
    }

    private static void Fill(StringBuilder text, string sentence, Random rng, Topic topic)
    {
        var start = 0;
        for (var at = sentence.IndexOf('{', StringComparison.Ordinal); at >= 0; at = sentence.IndexOf('{', start))
        {
            text.Append(sentence, start, at - start);
            var source = sentence[at + 1] == 'p' ? topic : Topics.All[rng.Next(Topics.All.Length)];
            text.Append(source.Phrases[rng.Next(source.Phrases.Length)]);
            start = at + 3;
        }
        text.Append(sentence, start, sentence.Length - start);
    }
}
