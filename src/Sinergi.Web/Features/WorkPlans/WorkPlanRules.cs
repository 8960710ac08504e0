using Microsoft.EntityFrameworkCore;
using Sinergi.Audit;
using Sinergi.Data;
using Sinergi.Features.Accounts;
using Sinergi.Features.Proposals;
using Sinergi.Infrastructure.Files;

namespace Sinergi.Features.WorkPlans;

/// <summary>What a person types for an activity of the work plan, from the form or the API.</summary>
public sealed record ActivityDraft(int? Year, string? Title, int? OwnerOpdId, string? OwnerUserId, int? StartMonth, int? EndMonth, string? Target);

/// <summary>The TKKSD's annual work plan: who may plan and report, and the one place each change is checked and saved.</summary>
public static class WorkPlanRules
{
    public static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"];

    /// <summary>Reads the plan: the region's government accounts of a kab/kota or province (not a Mitra).</summary>
    public static bool CanRead(ProposalCaller caller) => caller.RegionCode is not null && !caller.Is(Roles.Mitra) && Roles.RegistryReaders.Any(caller.Is);

    /// <summary>Plans: the admin and the TKKSD.</summary>
    public static bool CanPlan(ProposalCaller caller) => caller.RegionCode is not null && (caller.Is(Roles.AdminKerjaSama) || caller.Is(Roles.Tkksd));

    /// <summary>Reports progress: the planners, the owning member, and an Operator OPD for its OPD's activity.</summary>
    public static bool CanReport(ProposalCaller caller, WorkPlanActivity a) => caller.RegionCode == a.RegionCode
        && (CanPlan(caller) || (a.OwnerUserId is not null && a.OwnerUserId == caller.Actor.UserId) || (caller.Is(Roles.OpdOperator) && caller.OpdId == a.OwnerOpdId));

    public static async Task<(WorkPlanActivity? Saved, Dictionary<string, string[]> Problems)> SaveAsync(AppDbContext db, ProposalCaller caller, WorkPlanActivity? existing,
        ActivityDraft draft, CancellationToken ct = default)
    {
        if (!CanPlan(caller) || (existing is not null && existing.RegionCode != caller.RegionCode))
            return (null, new() { [""] = ["Rencana kerja disusun oleh Admin Kerja Sama atau TKKSD daerah."] });
        var region = caller.RegionCode!;
        var problems = new Dictionary<string, string[]>();
        var title = Web.Text.Clean(draft.Title);
        var target = Web.Text.CleanLines(draft.Target);
        if (draft.Year is not (>= 2000 and <= 2100)) problems[nameof(ActivityDraft.Year)] = ["Tahun rencana kerja antara 2000 dan 2100."];
        if (title is null) problems[nameof(ActivityDraft.Title)] = ["Tuliskan nama kegiatan."];
        else if (title.Length > 300) problems[nameof(ActivityDraft.Title)] = ["Nama kegiatan paling panjang 300 karakter."];
        if (target is null) problems[nameof(ActivityDraft.Target)] = ["Tuliskan target kegiatan."];
        else if (target.Length > 1000) problems[nameof(ActivityDraft.Target)] = ["Target paling panjang 1.000 karakter."];
        if (draft.StartMonth is not (>= 1 and <= 12)) problems[nameof(ActivityDraft.StartMonth)] = ["Pilih bulan mulai."];
        if (draft.EndMonth is not (>= 1 and <= 12)) problems[nameof(ActivityDraft.EndMonth)] = ["Pilih bulan selesai."];
        else if (draft.StartMonth is int s and >= 1 and <= 12 && draft.EndMonth < s) problems[nameof(ActivityDraft.EndMonth)] = ["Bulan selesai tidak boleh sebelum bulan mulai."];
        string? ownerName = null;
        if (draft.OwnerOpdId is null == draft.OwnerUserId is null)
            problems["Owner"] = ["Pilih penanggung jawab: satu OPD atau satu anggota TKKSD."];
        else if (draft.OwnerOpdId is int opd)
            ownerName = await db.Opds.IgnoreQueryFilters().Where(o => o.Id == opd && o.RegionCode == region).Select(o => o.Name).SingleOrDefaultAsync(ct);
        else
        {
            var role = await db.Roles.Where(r => r.Name == Roles.Tkksd).Select(r => r.Id).SingleAsync(ct);
            ownerName = await db.Users.Where(u => u.Id == draft.OwnerUserId && u.RegionCode == region && u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == role))
                .Select(u => u.FullName).SingleOrDefaultAsync(ct);
        }
        if (ownerName is null && !problems.ContainsKey("Owner"))
            problems["Owner"] = ["Penanggung jawab harus OPD atau anggota TKKSD daerah ini."];
        if (problems.Count > 0)
            return (null, problems);
        var activity = existing ?? new WorkPlanActivity { RegionCode = region, Title = title!, OwnerName = ownerName!, Target = target! };
        activity.Year = draft.Year!.Value;
        activity.Title = title!;
        activity.Target = target!;
        activity.OwnerOpdId = draft.OwnerOpdId;
        activity.OwnerUserId = draft.OwnerUserId;
        activity.OwnerName = ownerName!;
        activity.StartMonth = draft.StartMonth!.Value;
        activity.EndMonth = draft.EndMonth!.Value;
        if (existing is null)
            db.WorkPlanActivities.Add(activity);
        await db.SaveChangesAsync(ct);
        db.AuditEvents.Add(AuditTrail.Entry(db, region, AuditEntities.WorkPlan, activity.Id, existing is null ? AuditActions.Created : AuditActions.Changed,
            [new AuditChange("Kegiatan", null, $"{activity.Title} ({Months[activity.StartMonth - 1]}–{Months[activity.EndMonth - 1]} {activity.Year}, {activity.OwnerName})")], caller.Actor));
        await db.SaveChangesAsync(ct);
        return (activity, []);
    }

    public static async Task<Dictionary<string, string[]>> ReportAsync(AppDbContext db, ProposalCaller caller, WorkPlanActivity activity, int? progress, string? note,
        int? version, CancellationToken ct = default)
    {
        if (!CanReport(caller, activity))
            return new() { [""] = ["Kemajuan kegiatan dilaporkan oleh penanggung jawabnya, Admin Kerja Sama, atau TKKSD."] };
        var problems = new Dictionary<string, string[]>();
        var text = Web.Text.CleanLines(note);
        if (progress is not (>= 0 and <= 100)) problems["Progress"] = ["Kemajuan diisi 0 sampai 100 persen."];
        if (text is { Length: > 2000 }) problems["ProgressNote"] = ["Catatan kemajuan paling panjang 2.000 karakter."];
        if (version is int v && v != activity.Version) problems[""] = ["Kegiatan ini baru saja diubah orang lain. Muat ulang halaman untuk melihat perubahannya."];
        if (problems.Count > 0)
            return problems;
        var before = $"{activity.Progress} %";
        activity.Progress = progress!.Value;
        activity.ProgressNote = text;
        db.AuditEvents.Add(AuditTrail.Entry(db, activity.RegionCode, AuditEntities.WorkPlan, activity.Id, AuditActions.Changed,
            [new AuditChange("Kemajuan", before, $"{activity.Progress} %")], caller.Actor));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new() { [""] = ["Kegiatan ini baru saja diubah orang lain. Muat ulang halaman untuk melihat perubahannya."] };
        }
        return problems;
    }

    /// <summary>Stores an evidence file, checked by its content as every upload is.</summary>
    public static async Task<Dictionary<string, string[]>> UploadAsync(AppDbContext db, FileStore files, ProposalCaller caller, WorkPlanActivity activity,
        string fileName, Stream content, long maxBytes, CancellationToken ct = default)
    {
        if (!CanReport(caller, activity))
            return new() { [""] = ["Bukti kegiatan diunggah oleh penanggung jawabnya, Admin Kerja Sama, atau TKKSD."] };
        var inspection = FileInspector.Inspect(fileName, content, maxBytes);
        if (!inspection.IsAccepted)
            return new() { ["File"] = [inspection.Error!] };
        content.Position = 0;
        var stored = await files.SaveAsync(content, ct);
        db.WorkPlanEvidence.Add(new WorkPlanEvidence
        {
            ActivityId = activity.Id, FileName = inspection.FileName, ContentType = inspection.ContentType!, Size = stored.Length, Sha256 = stored.Sha256,
            UploadedAt = db.UtcNow, UploadedByName = caller.Actor.Name,
        });
        db.AuditEvents.Add(AuditTrail.Entry(db, activity.RegionCode, AuditEntities.WorkPlan, activity.Id, AuditActions.DocumentUploaded,
            [new AuditChange("Bukti", null, $"{inspection.FileName} (SHA-256 {stored.Sha256})")], caller.Actor));
        await db.SaveChangesAsync(ct);
        return [];
    }

    public static Task<List<WorkPlanActivity>> YearAsync(AppDbContext db, string regionCode, int year, CancellationToken ct = default) =>
        db.WorkPlanActivities.IgnoreQueryFilters().AsNoTracking().Where(a => a.RegionCode == regionCode && a.Year == year)
            .OrderBy(a => a.StartMonth).ThenBy(a => a.EndMonth).ThenBy(a => a.Id).ToListAsync(ct);
}
