using Microsoft.EntityFrameworkCore;
using Sinergi.Audit;
using Sinergi.Features.Agreements;
using Sinergi.Features.Monitoring;

namespace Sinergi.Data;

/// <summary>
/// Monitoring in the demo: Palangka Raya's agreements in force have their last two ended periods
/// reported, most on time, some late, some still a draft or missing (so they show as overdue), and
/// one agreement in force for years has nothing at all: the formalitas a Sekda should see at once.
/// </summary>
internal static class DemoMonev
{
    /// <summary>In force for years and never reported on: the demo's formalitas.</summary>
    public const string Formalitas = "Pencegahan dan Pemberantasan Penyalahgunaan dan Peredaran Gelap Narkotika";

    public static async Task SeedAsync(AppDbContext db, string regionCode, DateOnly today, CancellationToken ct = default)
    {
        if (await db.ImplementationReports.IgnoreQueryFilters().AnyAsync(r => r.RegionCode == regionCode, ct))
            return;
        // Monev starts with the semester a year back: agreements signed years ago show the two periods
        // the demo reports on, not dozens of overdue ones from before the region evaluated at all.
        if (!await db.MonevSettings.AnyAsync(s => s.RegionCode == regionCode, ct))
        {
            db.MonevSettings.Add(new MonevSettings { RegionCode = regionCode, MonevStartsOn = StartOf(today) });
            await db.SaveChangesAsync(ct);
        }
        var ids = await db.Agreements.IgnoreQueryFilters().Where(a => a.RegionCode == regionCode).WhereInForce(today)
            .Where(a => a.Title != Formalitas).OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(ct);
        var opds = await db.Opds.IgnoreQueryFilters().Where(o => o.RegionCode == regionCode).ToDictionaryAsync(o => o.Id, o => o.ShortName, ct);
        for (var i = 0; i < ids.Count; i++)
        {
            var agreement = (await MonevAgreement.LoadAsync(db, ids[i], ct))!;
            var ended = agreement.PeriodsOn(today).Where(p => p.HasEndedOn(today)).TakeLast(2).ToList();
            var opd = agreement.OpdIds.FirstOrDefault();
            for (var k = 0; k < ended.Count; k++)
            {
                var latest = k == ended.Count - 1;
                // Every fifth agreement is behind: its latest report is missing, the one before came late.
                var behind = i % 5 == 1;
                if (behind && latest)
                    continue;
                var draft = i % 5 == 3 && latest;
                var late = behind || (i % 7 == 2 && latest);
                db.ImplementationReports.Add(Report(agreement, ended[k], opd == 0 ? null : opd, opds.GetValueOrDefault(opd, "OPD"), draft, late, i + k));
            }
        }
        await db.SaveChangesAsync(ct);

        var submitted = await db.ImplementationReports.IgnoreQueryFilters().Where(r => r.RegionCode == regionCode && r.State == ReportState.Dikirim)
            .Select(r => new { r.Id, r.AgreementId, r.PeriodCode, r.SubmittedAt, r.SubmittedByName }).ToListAsync(ct);
        foreach (var r in submitted)
        {
            var changes = new List<AuditChange> { new("Laporan pelaksanaan", null, $"{r.PeriodCode}, versi 1") };
            var actor = new Actor(null, r.SubmittedByName!);
            // The report's own history, dated when it was sent. The agreement's history is left alone: its
            // demo entries are dated the day the demo was loaded, and an older entry would read as before its creation.
            var entry = AuditTrail.Entry(db, regionCode, AuditEntities.ImplementationReport, r.Id, AuditActions.Submitted, changes, actor);
            entry.At = r.SubmittedAt!.Value;
            db.AuditEvents.Add(entry);
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The demo's monev start: the first day of the semester a year before <paramref name="today"/>.</summary>
    public static DateOnly StartOf(DateOnly today)
    {
        var back = today.AddYears(-1);
        return new DateOnly(back.Year, back.Month <= 6 ? 1 : 7, 1);
    }

    /// <summary>The demo's monev rows are added directly, not through the rules that keep the summaries.</summary>
    public static Task SummariseAsync(AppDbContext db, string regionCode, CancellationToken ct = default) =>
        MonevSummaries.BackfillAsync(db, regionCode, ct);

    private static readonly string[] Places = ["Aula Bapperida", "Kelurahan Langkai", "Kecamatan Jekan Raya", "Ruang rapat OPD", "Kelurahan Pahandut Seberang"];

    private static ImplementationReport Report(MonevAgreement agreement, EvaluationPeriod period, int? opdId, string opd, bool draft, bool late, int n)
    {
        var author = $"Operator {opd}";
        var submittedOn = late ? period.DueOn.AddDays(9 + (n % 5)) : period.DueOn.AddDays(-3 - (n % 6));
        var progress = Math.Min(100, 35 + (n * 11 % 60));
        var report = new ImplementationReport
        {
            AgreementId = agreement.Id,
            RegionCode = agreement.RegionCode,
            OpdId = opdId,
            PeriodCode = period.Code,
            PeriodStart = period.Start,
            PeriodEnd = period.End,
            State = draft ? ReportState.Draf : ReportState.Dikirim,
            Outputs = $"Rapat koordinasi dengan mitra dan pelaksanaan kegiatan {agreement.Title.ToLowerInvariant()} sesuai rencana kerja {period.Label}.",
            ProgressPercent = progress,
            Realisation = $"Kegiatan terlaksana {progress}% dari rencana periode ini; anggaran terserap sesuai jadwal.",
            UseOfResults = draft ? null : "Hasil kegiatan dipakai OPD sebagai bahan perencanaan tahun berikutnya dan dilaporkan kepada pimpinan.",
            Obstacles = n % 3 == 0 ? "Jadwal mitra bergeser sehingga sebagian kegiatan mundur satu bulan." : null,
            Sustainability = draft ? null : "Kegiatan dilanjutkan pada periode berikutnya dengan anggaran yang sudah ditetapkan.",
            CreatedByName = author,
            SubmittedAt = draft ? null : submittedOn.ToDateTime(new TimeOnly(2, 30), DateTimeKind.Utc),
            SubmittedByName = draft ? null : author,
        };
        report.Activities.Add(new ReportActivity
        {
            Date = period.Start.AddDays(20 + (n % 30)), Description = "Rapat koordinasi pelaksanaan bersama mitra",
            Place = Places[n % Places.Length], Participants = $"{opd} dan mitra kerja sama, 15 orang",
        });
        if (n % 2 == 0)
            report.Activities.Add(new ReportActivity
            {
                Date = period.Start.AddDays(80 + (n % 40)), Description = "Pelaksanaan kegiatan lapangan dan pendataan hasil",
                Place = Places[(n + 2) % Places.Length], Participants = "Petugas OPD, mitra dan warga penerima manfaat",
            });
        return report;
    }
}
