using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Features.Agreements;
using Sinergi.Features.Partners;
using Sinergi.Tenancy;

namespace Sinergi.Features.Participants;

/// <summary>What a participant is typed as, by the page, the API and the import alike.</summary>
public sealed record ParticipantDraft(string? Name, string? StudentNumber, string? Programme, int? PlacementOpdId, DateOnly? StartsOn, DateOnly? EndsOn,
    string? Supervisor, bool BpjsRegistered, string? BpjsNumber, DateOnly? BpjsValidUntil)
{
    /// <summary>Field problems in Indonesian, keyed by the JSON field names; empty when it may be saved.</summary>
    public async Task<Dictionary<string, string[]>> ProblemsAsync(AppDbContext db, Agreement agreement, int? participantId, CancellationToken ct = default)
    {
        var problems = new Dictionary<string, string[]>();
        void Need(string field, string? value, string label, int max)
        {
            if (string.IsNullOrWhiteSpace(value))
                problems[field] = [$"{label} wajib diisi."];
            else if (value.Trim().Length > max)
                problems[field] = [$"{label} paling panjang {max} karakter."];
        }
        Need("name", Name, "Nama peserta", Participant.MaxName);
        Need("studentNumber", StudentNumber, "NIM", Participant.MaxStudentNumber);
        Need("programme", Programme, "Program studi", Participant.MaxName);
        Need("supervisor", Supervisor, "Pembimbing", Participant.MaxName);
        if (PlacementOpdId is null)
            problems["placementOpdId"] = ["Pilih OPD penempatan."];
        else if (!await db.Opds.IgnoreQueryFilters().AnyAsync(o => o.Id == PlacementOpdId && o.RegionCode == agreement.RegionCode, ct))
            problems["placementOpdId"] = ["OPD penempatan tidak dikenal di daerah ini."];
        if (StartsOn is null)
            problems["startsOn"] = ["Tanggal mulai penempatan wajib diisi."];
        if (EndsOn is null)
            problems["endsOn"] = ["Tanggal selesai penempatan wajib diisi."];
        else if (StartsOn is not null && EndsOn < StartsOn)
            problems["endsOn"] = ["Tanggal selesai tidak boleh sebelum tanggal mulai."];
        if (BpjsRegistered)
        {
            if (string.IsNullOrWhiteSpace(BpjsNumber))
                problems["bpjsNumber"] = ["Nomor kepesertaan BPJS Ketenagakerjaan wajib diisi bila peserta terdaftar."];
            else if (!IsMembershipNumber(BpjsNumber))
                problems["bpjsNumber"] = ["Nomor kepesertaan BPJS Ketenagakerjaan berisi 8 sampai 20 angka."];
            if (BpjsValidUntil is null)
                problems["bpjsValidUntil"] = ["Isi sampai kapan kepesertaan BPJS Ketenagakerjaan berlaku."];
        }
        if (StudentNumber is { } nim && !problems.ContainsKey("studentNumber")
            && await db.Participants.IgnoreQueryFilters().AnyAsync(p => p.AgreementId == agreement.Id && p.StudentNumber == nim.Trim() && p.Id != participantId, ct))
            problems["studentNumber"] = [$"NIM {nim.Trim()} sudah terdaftar pada kerja sama ini."];
        return problems;
    }

    public static bool IsMembershipNumber(string? value) =>
        value?.Trim() is { Length: >= 8 and <= 20 } digits && digits.All(char.IsAsciiDigit);

    public void ApplyTo(Participant participant)
    {
        participant.Name = Name!.Trim();
        participant.StudentNumber = StudentNumber!.Trim();
        participant.Programme = Programme!.Trim();
        participant.PlacementOpdId = PlacementOpdId!.Value;
        participant.StartsOn = StartsOn!.Value;
        participant.EndsOn = EndsOn!.Value;
        participant.Supervisor = Supervisor!.Trim();
        participant.BpjsRegistered = BpjsRegistered;
        participant.BpjsNumber = BpjsRegistered ? BpjsNumber!.Trim() : null;
        participant.BpjsValidUntil = BpjsRegistered ? BpjsValidUntil : null;
    }
}

/// <summary>The register's rules: which agreements keep one, who reads it, which agreements are listed for uninsured participants.</summary>
public static class ParticipantRegister
{
    /// <summary>
    /// Personal data: the region's Admin Kerja Sama and the operators of the OPD that runs the
    /// agreement, no one else (not the TKKSD, the pimpinan, partner regions, overseers or mitra).
    /// </summary>
    public static bool CanRead(ClaimsPrincipal user, RegionScope scope, string ownerRegion, IEnumerable<int> opdIds) =>
        AgreementAccess.CanEdit(user, scope, ownerRegion, opdIds);

    /// <summary>An agreement of the caller's own region with its OPDs and partners; null otherwise (404).</summary>
    public static Task<Agreement?> OwnAgreementAsync(AppDbContext db, RegionScope scope, int id, CancellationToken ct = default) =>
        db.Agreements.IgnoreQueryFilters().Include(a => a.Opds).Include(a => a.Partners)
            .SingleOrDefaultAsync(a => a.Id == id && a.RegionCode == scope.RegionCode, ct);

    /// <summary>With a university (a partner of type Perguruan Tinggi), or marked magang / PKL.</summary>
    public static async Task<bool> KeepsRegisterAsync(AppDbContext db, Agreement agreement, CancellationToken ct = default) =>
        agreement.Partners.Any(p => p.Type == PartnerType.PerguruanTinggi)
        || await db.InternshipMarks.IgnoreQueryFilters().AnyAsync(m => m.AgreementId == agreement.Id, ct);

    public static IQueryable<Participant> Uninsured(AppDbContext db, string regionCode, DateOnly today) =>
        db.Participants.IgnoreQueryFilters().Where(p => p.RegionCode == regionCode && p.EndsOn >= today
            && (!p.BpjsRegistered || p.BpjsValidUntil == null || p.BpjsValidUntil < today));

    public sealed record ListedAgreement(int Id, string? Number, string Title, string Opds, int Uninsured, int Participants);

    /// <summary>Agreements in force with a participant not registered or whose cover lapsed; an operator sees only its OPD's.</summary>
    public static async Task<List<ListedAgreement>> ListAsync(AppDbContext db, string regionCode, int? opdId, DateOnly today, CancellationToken ct = default)
    {
        var uninsured = Uninsured(db, regionCode, today).Select(p => p.AgreementId);
        var agreements = db.Agreements.IgnoreQueryFilters().Where(a => a.RegionCode == regionCode).WhereInForce(today).Where(a => uninsured.Contains(a.Id));
        if (opdId is int own)
            agreements = agreements.Where(a => a.Opds.Any(o => o.Id == own));
        var rows = await agreements.OrderBy(a => a.Title)
            .Select(a => new { a.Id, a.Number, a.Title, Opds = a.Opds.OrderBy(o => o.ShortName).Select(o => o.ShortName).ToList() })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var counts = await db.Participants.IgnoreQueryFilters().Where(p => ids.Contains(p.AgreementId))
            .GroupBy(p => p.AgreementId).Select(g => new { g.Key, All = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.All, ct);
        var open = await Uninsured(db, regionCode, today).Where(p => ids.Contains(p.AgreementId))
            .GroupBy(p => p.AgreementId).Select(g => new { g.Key, Open = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Open, ct);
        return rows.Select(r => new ListedAgreement(r.Id, r.Number, r.Title, string.Join(", ", r.Opds), open.GetValueOrDefault(r.Id), counts.GetValueOrDefault(r.Id))).ToList();
    }
}
