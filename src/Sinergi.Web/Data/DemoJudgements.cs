using Microsoft.EntityFrameworkCore;
using Sinergi.Audit;
using Sinergi.Features.Monitoring;

namespace Sinergi.Data;

/// <summary>
/// The demo's reviews and evaluations: the TKKSD member is lokus of six OPDs; most earlier periods
/// are closed with an evaluation (good ratings mostly), some latest ones are reviewed and wait for
/// the admin, the rest wait for the TKKSD.
/// </summary>
internal static class DemoJudgements
{
    public const string TkksdEmail = "tkksd.palangkaraya@sinergi.test";
    public static readonly string[] LokusOpds = ["Dinkes", "DLH", "Disbudpar", "BPKAD", "Diskominfosantik", "Bapperida"];

    public static async Task SeedAsync(AppDbContext db, string regionCode, CancellationToken ct = default)
    {
        if (await db.Assessments.IgnoreQueryFilters().AnyAsync(a => a.RegionCode == regionCode, ct))
            return;
        var tkksd = await db.Users.Where(u => u.Email == TkksdEmail).Select(u => new { u.Id, u.FullName }).SingleOrDefaultAsync(ct);
        var admin = await db.Users.Where(u => u.Email == "admin.palangkaraya@sinergi.test").Select(u => new { u.Id, u.FullName }).SingleOrDefaultAsync(ct);
        if (tkksd is null || admin is null)
            return;
        var opds = await db.Opds.IgnoreQueryFilters().Where(o => o.RegionCode == regionCode && LokusOpds.Contains(o.ShortName)).Select(o => o.Id).ToListAsync(ct);
        if (!await db.LokusAssignments.IgnoreQueryFilters().AnyAsync(l => l.UserId == tkksd.Id, ct))
            db.LokusAssignments.AddRange(opds.Select(o => new LokusAssignment { UserId = tkksd.Id, OpdId = o }));

        var reports = await db.ImplementationReports.IgnoreQueryFilters()
            .Where(r => r.RegionCode == regionCode && r.State == ReportState.Dikirim).OrderBy(r => r.AgreementId).ThenBy(r => r.PeriodEnd).ToListAsync(ct);
        var latest = reports.GroupBy(r => r.AgreementId).ToDictionary(g => g.Key, g => g.Max(r => r.PeriodEnd));
        var n = 0;
        foreach (var report in reports)
        {
            n++;
            var isLatest = report.PeriodEnd == latest[report.AgreementId];
            if (isLatest && n % 3 != 0)
                continue;
            var reviewedAt = report.SubmittedAt!.Value.AddDays(6);
            db.Assessments.Add(Judgement(report, AssessmentKind.Telaah, tkksd.Id, tkksd.FullName, reviewedAt, n, rating: null));
            if (isLatest)
                continue;
            var rating = n % 6 == 0 ? 3 : n % 2 == 0 ? 5 : 4;
            db.Assessments.Add(Judgement(report, AssessmentKind.Evaluasi, admin.Id, admin.FullName, reviewedAt.AddDays(5), n, rating));
        }
        await db.SaveChangesAsync(ct);
        foreach (var a in await db.Assessments.IgnoreQueryFilters().Where(a => a.RegionCode == regionCode).ToListAsync(ct))
        {
            var changes = new List<AuditChange> { new(AssessmentCriteria.Title(a.Kind), null, $"{a.PeriodCode}, versi 1") };
            var entry = AuditTrail.Entry(db, regionCode, AuditEntities.Assessment, a.Id, AuditActions.Submitted, changes, new Actor(a.SubmittedById, a.SubmittedByName!));
            entry.At = a.SubmittedAt!.Value;
            db.AuditEvents.Add(entry);
        }
        await db.SaveChangesAsync(ct);
    }

    private static Assessment Judgement(ImplementationReport report, AssessmentKind kind, string userId, string name, DateTime at, int n, int? rating)
    {
        var good = rating is null or >= 4;
        var answers = AssessmentCriteria.Defaults(kind).ToDictionary(c => c.Code, c => c.Options[good || n % 2 == 0 ? 0 : 1].Code);
        return new Assessment
        {
            Kind = kind, AgreementId = report.AgreementId, RegionCode = report.RegionCode, PeriodCode = report.PeriodCode,
            PeriodStart = report.PeriodStart, PeriodEnd = report.PeriodEnd, State = ReportState.Dikirim, Answers = answers,
            Findings = kind == AssessmentKind.Telaah ? "Pelaksanaan sesuai PKS; dokumentasi kegiatan lengkap." : good ? null : "Perlu jadwal bersama dengan mitra.",
            Recommendation = kind == AssessmentKind.Telaah ? (good ? "lanjutkan" : "perbaiki") : rating >= 5 ? "perluas" : "lanjutkan",
            Rating = rating, CreatedById = userId, CreatedByName = name, SubmittedAt = at, SubmittedById = userId, SubmittedByName = name,
        };
    }
}
