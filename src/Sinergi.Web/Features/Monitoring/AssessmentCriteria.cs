namespace Sinergi.Features.Monitoring;

/// <summary>A question with fixed answers: the code is stored, the labels are shown.</summary>
public sealed record Criterion(string Code, string Label, IReadOnlyList<(string Code, string Label)> Options);

/// <summary>
/// The questions of each judgement, and its recommendations. The evaluation's are the criteria of
/// Samarinda's final evaluation (the domain page); these are the defaults every region starts with.
/// </summary>
public static class AssessmentCriteria
{
    private static readonly (string, string)[] Fit = [("sesuai", "Sesuai"), ("sebagian", "Sebagian sesuai"), ("tidak", "Tidak sesuai")];
    private static readonly (string, string)[] Quality = [("baik", "Baik"), ("cukup", "Cukup"), ("kurang", "Kurang")];

    public static readonly IReadOnlyList<Criterion> Review =
    [
        new("kepatuhan", "Kepatuhan terhadap PKS/KB", Fit),
        new("koordinasi", "Koordinasi dengan mitra", Quality),
        new("anggaran", "Kesesuaian dengan anggaran", Fit),
    ];

    public static readonly IReadOnlyList<Criterion> Evaluation =
    [
        new("tujuan", "Kesesuaian dengan tujuan", Fit),
        new("waktu", "Ketepatan waktu", [("tepat", "Tepat waktu"), ("sedikit", "Sedikit terlambat"), ("terlambat", "Sangat terlambat")]),
        new("kontribusi", "Kontribusi mitra", [("tinggi", "Tinggi"), ("sedang", "Sedang"), ("rendah", "Rendah")]),
        new("koordinasi", "Koordinasi", Quality),
        new("indikator", "Capaian indikator", [("tercapai", "Tercapai"), ("sebagian", "Sebagian tercapai"), ("tidak", "Tidak tercapai")]),
        new("dampak", "Dampak", [("besar", "Besar"), ("sedang", "Sedang"), ("kecil", "Kecil"), ("belum", "Belum terlihat")]),
        new("inovasi", "Inovasi dan manfaat", [("ada", "Ada"), ("sedikit", "Sedikit"), ("tidak", "Tidak ada")]),
        new("dokumen", "Kelengkapan dokumen", [("lengkap", "Lengkap"), ("sebagian", "Sebagian"), ("tidak", "Tidak lengkap")]),
        new("pelaporan", "Pelaporan rutin", [("rutin", "Rutin"), ("tidak-rutin", "Tidak rutin"), ("tidak", "Tidak ada")]),
        new("relevansi", "Relevansi dengan kebutuhan", [("relevan", "Relevan"), ("kurang", "Kurang relevan"), ("tidak", "Tidak relevan")]),
    ];

    public static IReadOnlyList<Criterion> For(AssessmentKind kind) => kind == AssessmentKind.Telaah ? Review : Evaluation;

    public static IReadOnlyList<(string Code, string Label)> Recommendations(AssessmentKind kind) => kind == AssessmentKind.Telaah
        ? [("lanjutkan", "Lanjutkan"), ("perbaiki", "Perbaiki"), ("hentikan", "Hentikan")]
        : [("lanjutkan", "Lanjutkan"), ("perluas", "Perluas"), ("hentikan", "Hentikan")];

    public static string Title(AssessmentKind kind) => kind == AssessmentKind.Telaah ? "Telaah TKKSD (lokus)" : "Evaluasi Admin Kerja Sama";

    public static string FindingsLabel(AssessmentKind kind) => kind == AssessmentKind.Telaah ? "Temuan" : "Kendala dan saran";

    public static string Slug(AssessmentKind kind) => kind == AssessmentKind.Telaah ? "review" : "evaluation";

    public static string? OptionLabel(Criterion criterion, string? code) => criterion.Options.FirstOrDefault(o => o.Code == code).Label;

    public static string? RecommendationLabel(AssessmentKind kind, string? code) => Recommendations(kind).FirstOrDefault(o => o.Code == code).Label;
}
