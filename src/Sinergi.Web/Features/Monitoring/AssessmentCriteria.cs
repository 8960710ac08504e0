using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Sinergi.Data;
using Sinergi.Features.Regions;

namespace Sinergi.Features.Monitoring;

/// <summary>A fixed answer of a criterion: the code is stored with the answer, the label is shown.</summary>
public sealed record CriterionOption(string Code, string Label);

/// <summary>A question with fixed answers: the code is stored, the labels are shown.</summary>
public sealed record Criterion(string Code, string Label, IReadOnlyList<CriterionOption> Options);

/// <summary>
/// A region's own criteria for one judgement (the lokus review or the admin's evaluation). A region
/// without a row asks the defaults (<see cref="AssessmentCriteria.Defaults"/>). Each assessment
/// keeps a copy of the criteria it was answered against (<see cref="Assessment.Criteria"/>), so a
/// change here shapes new forms only.
/// </summary>
public class RegionCriteria : ITimestamped
{
    public required string RegionCode { get; set; }
    public AssessmentKind Kind { get; set; }
    public List<Criterion> Criteria { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class RegionCriteriaConfiguration : IEntityTypeConfiguration<RegionCriteria>
{
    public void Configure(EntityTypeBuilder<RegionCriteria> criteria)
    {
        criteria.HasKey(c => new { c.RegionCode, c.Kind });
        criteria.Property(c => c.RegionCode).HasMaxLength(5);
        criteria.Property(c => c.Kind).HasConversion<string>().HasMaxLength(10);
        criteria.Property(c => c.Criteria).HasConversion(AssessmentCriteria.Json, AssessmentCriteria.Comparer);
        criteria.HasOne<Region>().WithMany().HasForeignKey(c => c.RegionCode).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>
/// The questions of each judgement, and its recommendations. The evaluation's defaults are the
/// criteria of Samarinda's final evaluation (the domain page); every region starts with them and
/// may change them in Pengaturan (<see cref="CriteriaSettings"/>). The recommendations stay fixed.
/// </summary>
public static class AssessmentCriteria
{
    private static readonly CriterionOption[] Fit = [new("sesuai", "Sesuai"), new("sebagian", "Sebagian sesuai"), new("tidak", "Tidak sesuai")];
    private static readonly CriterionOption[] Quality = [new("baik", "Baik"), new("cukup", "Cukup"), new("kurang", "Kurang")];

    public static readonly IReadOnlyList<Criterion> Review =
    [
        new("kepatuhan", "Kepatuhan terhadap PKS/KB", Fit),
        new("koordinasi", "Koordinasi dengan mitra", Quality),
        new("anggaran", "Kesesuaian dengan anggaran", Fit),
    ];

    public static readonly IReadOnlyList<Criterion> Evaluation =
    [
        new("tujuan", "Kesesuaian dengan tujuan", Fit),
        new("waktu", "Ketepatan waktu", [new("tepat", "Tepat waktu"), new("sedikit", "Sedikit terlambat"), new("terlambat", "Sangat terlambat")]),
        new("kontribusi", "Kontribusi mitra", [new("tinggi", "Tinggi"), new("sedang", "Sedang"), new("rendah", "Rendah")]),
        new("koordinasi", "Koordinasi", Quality),
        new("indikator", "Capaian indikator", [new("tercapai", "Tercapai"), new("sebagian", "Sebagian tercapai"), new("tidak", "Tidak tercapai")]),
        new("dampak", "Dampak", [new("besar", "Besar"), new("sedang", "Sedang"), new("kecil", "Kecil"), new("belum", "Belum terlihat")]),
        new("inovasi", "Inovasi dan manfaat", [new("ada", "Ada"), new("sedikit", "Sedikit"), new("tidak", "Tidak ada")]),
        new("dokumen", "Kelengkapan dokumen", [new("lengkap", "Lengkap"), new("sebagian", "Sebagian"), new("tidak", "Tidak lengkap")]),
        new("pelaporan", "Pelaporan rutin", [new("rutin", "Rutin"), new("tidak-rutin", "Tidak rutin"), new("tidak", "Tidak ada")]),
        new("relevansi", "Relevansi dengan kebutuhan", [new("relevan", "Relevan"), new("kurang", "Kurang relevan"), new("tidak", "Tidak relevan")]),
    ];

    /// <summary>The criteria every region starts with.</summary>
    public static IReadOnlyList<Criterion> Defaults(AssessmentKind kind) => kind == AssessmentKind.Telaah ? Review : Evaluation;

    /// <summary>The criteria an assessment was answered against: its own copy, or the defaults for one saved before regions had their own.</summary>
    public static IReadOnlyList<Criterion> Of(Assessment assessment) => assessment.Criteria is { Count: > 0 } own ? own : Defaults(assessment.Kind);

    /// <summary>The criteria a region's new forms of this judgement ask.</summary>
    public static async Task<IReadOnlyList<Criterion>> ForRegionAsync(AppDbContext db, string regionCode, AssessmentKind kind, CancellationToken ct = default) =>
        await db.RegionCriteria.AsNoTracking().Where(c => c.RegionCode == regionCode && c.Kind == kind).Select(c => c.Criteria).SingleOrDefaultAsync(ct)
            is { Count: > 0 } own ? own : Defaults(kind);

    public static IReadOnlyList<(string Code, string Label)> Recommendations(AssessmentKind kind) => kind == AssessmentKind.Telaah
        ? [("lanjutkan", "Lanjutkan"), ("perbaiki", "Perbaiki"), ("hentikan", "Hentikan")]
        : [("lanjutkan", "Lanjutkan"), ("perluas", "Perluas"), ("hentikan", "Hentikan")];

    public static string Title(AssessmentKind kind) => kind == AssessmentKind.Telaah ? "Telaah TKKSD (lokus)" : "Evaluasi Admin Kerja Sama";

    public static string FindingsLabel(AssessmentKind kind) => kind == AssessmentKind.Telaah ? "Temuan" : "Kendala dan saran";

    public static string Slug(AssessmentKind kind) => kind == AssessmentKind.Telaah ? "review" : "evaluation";

    public static AssessmentKind? KindOf(string? slug) => slug?.Trim().ToLowerInvariant() switch
    {
        "review" => AssessmentKind.Telaah,
        "evaluation" => AssessmentKind.Evaluasi,
        _ => null,
    };

    public static string? OptionLabel(Criterion criterion, string? code) => criterion.Options.FirstOrDefault(o => o.Code == code)?.Label;

    public static string? RecommendationLabel(AssessmentKind kind, string? code) => Recommendations(kind).FirstOrDefault(o => o.Code == code).Label;

    /// <summary>A code made of a label: lower-case letters and digits joined by hyphens ("Kontribusi mitra" → "kontribusi-mitra").</summary>
    public static string CodeOf(string label)
    {
        var code = new StringBuilder();
        foreach (var c in label.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
                code.Append(c);
            else if (char.IsWhiteSpace(c) || c is '-' or '_' or '/' or '.' or ',')
                if (code.Length > 0 && code[^1] != '-')
                    code.Append('-');
        }
        var text = code.ToString().Trim('-');
        if (text.Length > 30)
            text = text[..30].TrimEnd('-');
        return text.Length == 0 ? "k" : text;
    }

    internal static readonly ValueConverter<List<Criterion>, string> Json = new(
        criteria => JsonSerializer.Serialize(criteria, JsonSerializerOptions.Default),
        json => JsonSerializer.Deserialize<List<Criterion>>(json, JsonSerializerOptions.Default) ?? new List<Criterion>());

    internal static readonly ValueComparer<List<Criterion>> Comparer = new(
        (a, b) => JsonSerializer.Serialize(a, JsonSerializerOptions.Default) == JsonSerializer.Serialize(b, JsonSerializerOptions.Default),
        l => JsonSerializer.Serialize(l, JsonSerializerOptions.Default).GetHashCode(StringComparison.Ordinal),
        l => JsonSerializer.Deserialize<List<Criterion>>(JsonSerializer.Serialize(l, JsonSerializerOptions.Default), JsonSerializerOptions.Default)!);
}
