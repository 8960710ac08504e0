using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Sinergi.Audit;
using Sinergi.Data;
using Sinergi.Features.Accounts;
using Sinergi.Features.Agreements;
using Sinergi.Infrastructure.Files;
using Sinergi.Web;

namespace Sinergi.Features.Tkksd;

/// <summary>
/// The register of the region's TKKSD: memberships and the SK. The pages, the API and the demo
/// call these; problems are keyed by the draft's property names.
/// </summary>
public static class TkksdRegister
{
    public sealed record MemberDraft(string? UserId, TkksdPosition Position, string? Office, DateOnly? StartsOn, int? DecreeId);

    public sealed record DecreeDraft(string? Number, DateOnly? IssuedOn, DateOnly? TermStart, DateOnly? TermEnd);

    /// <summary>How many days before the term's end /Tkksd and the daily job warn.</summary>
    public const int TermWarningDays = 90;

    /// <summary>Keeps the register: the region's admin.</summary>
    public static bool CanKeep(ClaimsPrincipal user) => user.IsInRole(Roles.AdminKerjaSama);

    /// <summary>The members on a day, chair first.</summary>
    public static Task<List<TkksdMember>> MembersOnAsync(AppDbContext db, string regionCode, DateOnly day, CancellationToken ct = default) =>
        db.TkksdMembers.IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.RegionCode == regionCode && m.StartsOn <= day && (m.EndsOn == null || m.EndsOn >= day))
            .OrderBy(m => m.Position).ThenBy(m => m.Name).ToListAsync(ct);

    /// <summary>
    /// Who was what in the region's TKKSD when: the memberships of these people, for reading the
    /// position (ketua, sekretaris, anggota) each held on the day of a past vote or score. A change of
    /// position ends one membership and starts another, so an old vote keeps the old position.
    /// </summary>
    public static async Task<PositionHistory> PositionHistoryAsync(AppDbContext db, string regionCode, IEnumerable<string> userIds, CancellationToken ct = default)
    {
        var ids = userIds.Distinct().ToList();
        var memberships = ids.Count == 0 ? [] : await db.TkksdMembers.IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.RegionCode == regionCode && ids.Contains(m.UserId)).ToListAsync(ct);
        return new PositionHistory(memberships, Tenancy.RegionClock.ZoneOf(regionCode));
    }

    public sealed class PositionHistory(IReadOnlyList<TkksdMember> memberships, TimeZoneInfo zone)
    {
        /// <summary>The person's position on the region's day of <paramref name="at"/>; null when they were not in the register then.</summary>
        public TkksdPosition? On(string userId, DateTime at)
        {
            var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(at, DateTimeKind.Utc), zone));
            return memberships.Where(m => m.UserId == userId && m.IsMemberOn(day)).OrderByDescending(m => m.StartsOn).Select(m => (TkksdPosition?)m.Position).FirstOrDefault();
        }

        /// <summary>"Ketua", "Sekretaris" or "Anggota" as of then, or <paramref name="otherwise"/> (what was recorded with the vote) without a register entry.</summary>
        public string Label(string userId, DateTime at, string otherwise) => On(userId, at) is { } position ? TkksdMember.Label(position) : otherwise;
    }

    public static Task<bool> HasRegisterAsync(AppDbContext db, string regionCode, CancellationToken ct = default) =>
        db.TkksdMembers.IgnoreQueryFilters().AnyAsync(m => m.RegionCode == regionCode, ct);

    /// <summary>The SK in force on a day, or the latest one.</summary>
    public static async Task<TkksdDecree?> CurrentDecreeAsync(AppDbContext db, string regionCode, DateOnly today, CancellationToken ct = default) =>
        await db.TkksdDecrees.IgnoreQueryFilters().AsNoTracking().Where(d => d.RegionCode == regionCode && d.TermStart <= today && d.TermEnd >= today)
            .OrderByDescending(d => d.TermStart).FirstOrDefaultAsync(ct)
        ?? await db.TkksdDecrees.IgnoreQueryFilters().AsNoTracking().Where(d => d.RegionCode == regionCode).OrderByDescending(d => d.TermEnd).FirstOrDefaultAsync(ct);

    /// <summary>The warning shown while the current SK's term ends within <see cref="TermWarningDays"/>, or has ended.</summary>
    public static string? TermWarning(TkksdDecree? decree, DateOnly today)
    {
        if (decree is null)
            return null;
        var left = decree.TermEnd.DayNumber - today.DayNumber;
        return left < 0 ? $"Masa tugas TKKSD menurut SK {decree.Number} telah berakhir pada {Indonesian.Date(decree.TermEnd)}. Terbitkan SK baru."
            : left <= TermWarningDays ? $"Masa tugas TKKSD menurut SK {decree.Number} berakhir {(left == 0 ? "hari ini" : $"dalam {left} hari")}, pada {Indonesian.Date(decree.TermEnd)}. Siapkan SK baru."
            : null;
    }

    public static async Task<(TkksdMember? Member, Dictionary<string, string[]> Problems)> AddMemberAsync(AppDbContext db, string regionCode, MemberDraft draft,
        DateOnly today, Actor actor, CancellationToken ct = default)
    {
        var problems = new Dictionary<string, string[]>();
        var user = draft.UserId is null ? null : await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == draft.UserId, ct);
        if (user is null)
            problems[nameof(MemberDraft.UserId)] = ["Pilih akun pengguna anggota."];
        else if (user.RegionCode != regionCode)
            problems[nameof(MemberDraft.UserId)] = [$"{user.FullName} adalah pengguna daerah lain; anggota TKKSD harus akun pemerintah daerah ini."];
        else if (!user.IsActive)
            problems[nameof(MemberDraft.UserId)] = [$"Akun {user.FullName} tidak aktif."];
        else if (await db.TkksdMembers.IgnoreQueryFilters().AnyAsync(m => m.UserId == user.Id && m.RegionCode == regionCode && (m.EndsOn == null || m.EndsOn >= today), ct))
            problems[nameof(MemberDraft.UserId)] = [$"{user.FullName} sudah menjadi anggota TKKSD."];
        var office = Text.Clean(draft.Office);
        if (office is null)
            problems[nameof(MemberDraft.Office)] = ["Tuliskan jabatan anggota, misalnya Kepala Bappeda."];
        else if (office.Length > 200)
            problems[nameof(MemberDraft.Office)] = ["Jabatan paling panjang 200 karakter."];
        if (draft.StartsOn is not { } starts)
            problems[nameof(MemberDraft.StartsOn)] = ["Tanggal mulai keanggotaan wajib diisi."];
        else if (!AgreementDates.InRange(starts))
            problems[nameof(MemberDraft.StartsOn)] = [AgreementDates.OutOfRange("Tanggal mulai keanggotaan")];
        if (draft.DecreeId is int decree && !await db.TkksdDecrees.IgnoreQueryFilters().AnyAsync(d => d.Id == decree && d.RegionCode == regionCode, ct))
            problems[nameof(MemberDraft.DecreeId)] = ["SK yang dipilih bukan SK TKKSD daerah ini."];
        if (!Enum.IsDefined(draft.Position))
            problems[nameof(MemberDraft.Position)] = ["Pilih kedudukan: ketua, sekretaris, atau anggota."];
        if (problems.Count > 0)
            return (null, problems);
        var member = new TkksdMember
        {
            RegionCode = regionCode, UserId = user!.Id, Name = user.FullName, Position = draft.Position, Office = office!, StartsOn = draft.StartsOn!.Value, DecreeId = draft.DecreeId,
        };
        db.TkksdMembers.Add(member);
        await db.SaveChangesAsync(ct);
        db.AuditEvents.Add(AuditTrail.Entry(db, regionCode, AuditEntities.TkksdMember, member.Id, AuditActions.Created,
            [new AuditChange("Anggota TKKSD", null, Describe(member))], actor));
        await db.SaveChangesAsync(ct);
        return (member, problems);
    }

    /// <summary>Ends a membership on a day (its last day); the row stays, for history.</summary>
    public static async Task<Dictionary<string, string[]>> EndMemberAsync(AppDbContext db, TkksdMember member, DateOnly? endsOn, Actor actor, CancellationToken ct = default)
    {
        if (member.EndsOn is not null)
            return new() { ["EndsOn"] = [$"Keanggotaan {member.Name} sudah berakhir pada {Indonesian.Date(member.EndsOn.Value)}."] };
        if (endsOn is not { } end)
            return new() { ["EndsOn"] = ["Tanggal akhir keanggotaan wajib diisi."] };
        if (end < member.StartsOn || !AgreementDates.InRange(end))
            return new() { ["EndsOn"] = [$"Tanggal akhir tidak boleh sebelum keanggotaan mulai ({Indonesian.Date(member.StartsOn)})."] };
        var before = Describe(member);
        member.EndsOn = end;
        db.AuditEvents.Add(AuditTrail.Entry(db, member.RegionCode, AuditEntities.TkksdMember, member.Id, AuditActions.Changed,
            [new AuditChange("Anggota TKKSD", before, Describe(member))], actor));
        await db.SaveChangesAsync(ct);
        return [];
    }

    public static async Task<(TkksdDecree? Decree, Dictionary<string, string[]> Problems)> SaveDecreeAsync(AppDbContext db, FileStore files, string regionCode,
        DecreeDraft draft, string? fileName, Stream? content, long maxBytes, Actor actor, CancellationToken ct = default)
    {
        var problems = new Dictionary<string, string[]>();
        var number = Text.Clean(draft.Number);
        if (number is null)
            problems[nameof(DecreeDraft.Number)] = ["Nomor SK wajib diisi."];
        else if (number.Length > 100)
            problems[nameof(DecreeDraft.Number)] = ["Nomor SK paling panjang 100 karakter."];
        if (draft.IssuedOn is not { } issued || !AgreementDates.InRange(issued))
            problems[nameof(DecreeDraft.IssuedOn)] = ["Tanggal SK wajib diisi."];
        if (draft.TermStart is not { } start || !AgreementDates.InRange(start))
            problems[nameof(DecreeDraft.TermStart)] = ["Awal masa tugas wajib diisi."];
        if (draft.TermEnd is not { } end || !AgreementDates.InRange(end))
            problems[nameof(DecreeDraft.TermEnd)] = ["Akhir masa tugas wajib diisi."];
        else if (draft.TermStart is { } from && end <= from)
            problems[nameof(DecreeDraft.TermEnd)] = ["Akhir masa tugas harus sesudah awalnya."];
        FileInspection? inspection = null;
        if (content is not null && fileName is not null)
        {
            inspection = FileInspector.Inspect(fileName, content, maxBytes);
            if (!inspection.IsAccepted)
                problems["File"] = [inspection.Error];
        }
        if (problems.Count > 0)
            return (null, problems);
        var decree = new TkksdDecree { RegionCode = regionCode, Number = number!, IssuedOn = draft.IssuedOn!.Value, TermStart = draft.TermStart!.Value, TermEnd = draft.TermEnd!.Value };
        if (inspection is { IsAccepted: true })
        {
            var stored = await files.SaveAsync(content!, ct);
            (decree.FileName, decree.Sha256, decree.ContentType) = (inspection.FileName, stored.Sha256, inspection.ContentType);
        }
        db.TkksdDecrees.Add(decree);
        await db.SaveChangesAsync(ct);
        db.AuditEvents.Add(AuditTrail.Entry(db, regionCode, AuditEntities.TkksdDecree, decree.Id, AuditActions.Created,
            [new AuditChange("SK TKKSD", null, $"{decree.Number}, {Indonesian.Date(decree.IssuedOn)}; masa tugas {Indonesian.Date(decree.TermStart)} – {Indonesian.Date(decree.TermEnd)}")], actor));
        await db.SaveChangesAsync(ct);
        return (decree, problems);
    }

    private static string Describe(TkksdMember m) =>
        $"{m.Name} · {TkksdMember.Label(m.Position)} · {m.Office} · sejak {Indonesian.Date(m.StartsOn)}{(m.EndsOn is { } e ? $" sampai {Indonesian.Date(e)}" : "")}";
}
