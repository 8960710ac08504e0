using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Features.Accounts;
using Sinergi.Features.Agreements;

namespace Sinergi.Features.Proposals;

/// <summary>The document types a proposal's stages can require, by code, with the label a person reads.</summary>
public static class ProposalDocumentTypes
{
    public const string SuratPenawaran = "surat-penawaran";
    public const string SuratInisiasi = "surat-inisiasi";
    public const string Kak = "kak";
    public const string StudiKelayakan = "studi-kelayakan";
    public const string AnalisisDampak = "analisis-dampak";
    public const string DraftKb = "draft-kb";
    public const string SuratRekomendasi = "surat-rekomendasi";
    public const string KbBertandatangan = "kb-bertandatangan";
    public const string PersetujuanDprd = "persetujuan-dprd";
    public const string DraftPks = "draft-pks";
    public const string PksBertandatangan = "pks-bertandatangan";
    public const string NotaKesepakatan = "nota-kesepakatan";
    public const string RencanaKerja = "rencana-kerja";
    public const string NotaKesepakatanBertandatangan = "nk-bertandatangan";
    public const string Lainnya = "lainnya";

    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        [SuratPenawaran] = "Surat penawaran",
        [SuratInisiasi] = "Surat inisiasi",
        [Kak] = "KAK (kerangka acuan kerja)",
        [StudiKelayakan] = "Studi kelayakan",
        [AnalisisDampak] = "Analisis dampak",
        [DraftKb] = "Draf Kesepakatan Bersama",
        [SuratRekomendasi] = "Surat rekomendasi TKKSD",
        [KbBertandatangan] = "Kesepakatan Bersama bertanda tangan",
        [PersetujuanDprd] = "Persetujuan DPRD",
        [DraftPks] = "Draf Perjanjian Kerja Sama",
        [PksBertandatangan] = "Perjanjian Kerja Sama bertanda tangan",
        [NotaKesepakatan] = "Draf Nota Kesepakatan",
        [RencanaKerja] = "Rencana Kerja",
        [NotaKesepakatanBertandatangan] = "Nota Kesepakatan bertanda tangan",
        [Lainnya] = "Dokumen lain",
    };

    public static string Label(string code) => Labels.GetValueOrDefault(code, code);
}

/// <summary>
/// The regulation's sequence (Permendagri 22/2020) as each region's first SOP, made for a region
/// the first time it needs one; the region edits it in Pengaturan from there.
/// </summary>
public static class DefaultSops
{
    private const string Opd = Roles.OpdOperator;
    private const string Admin = Roles.AdminKerjaSama;
    private const string Tkksd = Roles.Tkksd;
    private const string Pimpinan = Roles.Pimpinan;
    private static readonly string[] Signed = ["Paraf setiap halaman", "Meterai", "Stempel"];

    private static SopMove Next(string to, string label = "Lanjutkan", MoveCondition when = MoveCondition.Always) => new(to, MoveKind.Forward, label, when);
    private static SopMove Back(string to) => new(to, MoveKind.Return, "Kembalikan untuk revisi");
    private static SopMove Reject() => new(SopVersion.Rejected, MoveKind.Reject, "Tolak");

    public static List<SopStage> For(AgreementKind kind) => kind switch
    {
        AgreementKind.Sinergi => Sinergi(),
        _ => KbThenPks(kind == AgreementKind.Ksdpk),
    };

    private static List<SopStage> KbThenPks(bool thirdParty) =>
    [
        new("persiapan", "Persiapan", [Opd, Admin], thirdParty ? [ProposalDocumentTypes.Kak, ProposalDocumentTypes.StudiKelayakan] : [ProposalDocumentTypes.Kak],
            [], 14, [Next("validasi", "Ajukan")]),
        new("validasi", "Validasi", [Admin], [], ["Kelengkapan dokumen sudah diperiksa", "Urusan sesuai dengan tugas OPD"], 7,
            [Next("pembahasan", "Nyatakan valid"), Back("persiapan"), Reject()]),
        new("pembahasan", "Pembahasan TKKSD", [Tkksd], [], ["Analisis dampak dibahas", "Perhitungan biaya dibahas"], 21,
            [Next("rekomendasi", "Rekomendasikan", MoveCondition.QuorumReached), Back("persiapan"), Reject()]),
        new("rekomendasi", "Rekomendasi kepada kepala daerah", [Pimpinan, Admin], [ProposalDocumentTypes.SuratRekomendasi], ["Keputusan kepala daerah dicatat"], 14,
            [Next("penandatanganan-kb", "Disetujui kepala daerah", MoveCondition.NotFromKb), Next("penyusunan-pks", "Disetujui kepala daerah", MoveCondition.FromKb),
             Back("persiapan"), Reject()]),
        new("penandatanganan-kb", "Penandatanganan KB", [Admin], [ProposalDocumentTypes.KbBertandatangan], Signed, 30,
            [Next("persetujuan-dprd", "KB ditandatangani", MoveCondition.DprdRequired), Next("penyusunan-pks", "KB ditandatangani", MoveCondition.DprdNotRequired),
             Back("persiapan")]),
        new("persetujuan-dprd", "Persetujuan DPRD", [Admin], [ProposalDocumentTypes.PersetujuanDprd], [], 60,
            [Next("penyusunan-pks", "DPRD menyetujui"), Back("persiapan"), Reject()]),
        new("penyusunan-pks", "Penyusunan PKS", [Opd, Admin], [ProposalDocumentTypes.DraftPks], [], 30,
            [Next("penandatanganan-pks", "Ajukan untuk ditandatangani"), Back("persiapan")]),
        new("penandatanganan-pks", "Penandatanganan PKS", [Admin], [ProposalDocumentTypes.PksBertandatangan], Signed, 30,
            [Next(SopVersion.Done, "PKS ditandatangani, masukkan ke daftar kerja sama"), Back("persiapan")]),
    ];

    private static List<SopStage> Sinergi() =>
    [
        new("kak", "Penyusunan KAK", [Opd, Admin], [ProposalDocumentTypes.Kak], [], 14, [Next("surat-inisiasi", "Ajukan")]),
        new("surat-inisiasi", "Surat inisiasi", [Admin], [ProposalDocumentTypes.SuratInisiasi], [], 14,
            [Next("evaluasi", "Kirim ke TKKSD"), Back("kak"), Reject()]),
        new("evaluasi", "Evaluasi TKKSD", [Tkksd], [], ["Kesesuaian dengan program kementerian/lembaga dibahas"], 21,
            [Next("nota-kesepakatan", "Rekomendasikan", MoveCondition.QuorumReached), Back("kak"), Reject()]),
        new("nota-kesepakatan", "Nota Kesepakatan dan Rencana Kerja", [Opd, Admin], [ProposalDocumentTypes.NotaKesepakatan, ProposalDocumentTypes.RencanaKerja], [], 30,
            [Next("penandatanganan", "Ajukan untuk ditandatangani"), Back("kak")]),
        new("penandatanganan", "Penandatanganan", [Admin], [ProposalDocumentTypes.NotaKesepakatanBertandatangan], Signed, 30,
            [Next(SopVersion.Done, "Ditandatangani, masukkan ke daftar kerja sama"), Back("kak")]),
    ];

    public static bool Supports(AgreementKind kind) => kind is AgreementKind.Ksdd or AgreementKind.Ksdpk or AgreementKind.Sinergi;

    /// <summary>
    /// The region's current SOP for a kind, made from the defaults the first time. Two requests
    /// making it at once: the unique index keeps one, and the loser reads it.
    /// </summary>
    public static async Task<SopVersion> CurrentAsync(AppDbContext db, string regionCode, AgreementKind kind, CancellationToken ct = default)
    {
        if (await LatestAsync(db, regionCode, kind, ct) is { } sop)
            return sop;
        var made = new SopVersion { RegionCode = regionCode, Kind = kind, Number = 1, Stages = For(kind), CreatedAt = db.UtcNow, CreatedByName = "Bawaan (Permendagri 22/2020)" };
        db.SopVersions.Add(made);
        try
        {
            await db.SaveChangesAsync(ct);
            return made;
        }
        catch (DbUpdateException)
        {
            db.Entry(made).State = EntityState.Detached;
            return await LatestAsync(db, regionCode, kind, ct) ?? throw new InvalidOperationException("SOP tidak dapat dibuat.");
        }
    }

    /// <summary>The region's current SOP for reading only: before anyone saves or uses one, the defaults, unsaved (a GET writes nothing).</summary>
    public static async Task<SopVersion> ReadAsync(AppDbContext db, string regionCode, AgreementKind kind, CancellationToken ct = default) =>
        await LatestAsync(db, regionCode, kind, ct)
        ?? new SopVersion { RegionCode = regionCode, Kind = kind, Number = 1, Stages = For(kind), CreatedByName = "Bawaan (Permendagri 22/2020)" };

    private static Task<SopVersion?> LatestAsync(AppDbContext db, string regionCode, AgreementKind kind, CancellationToken ct) =>
        db.SopVersions.Where(s => s.RegionCode == regionCode && s.Kind == kind).OrderByDescending(s => s.Number).FirstOrDefaultAsync(ct);
}
