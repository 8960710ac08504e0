using Microsoft.EntityFrameworkCore;
using Sinergi.Features.Agreements;
using Sinergi.Features.Monitoring;

namespace Sinergi.Data;

/// <summary>
/// The demo's indicators: three OPDs keep a year's IKU, and the agreements in force that have
/// reports measure one thing each, with a target and a realisation in their last two ended
/// periods; those of Dinkes, DLH and Disbudpar feed their OPD's IKU.
/// </summary>
internal static class DemoIndicators
{
    private static readonly (string Opd, string Code, string Name, string Unit, decimal Target)[] Iku =
    [
        ("Dinkes", "IKU-DINKES-01", "Prevalensi balita stunting", "persen", 14),
        ("DLH", "IKU-DLH-01", "Persentase sampah yang tertangani", "persen", 75),
        ("Disbudpar", "IKU-DISBUDPAR-01", "Jumlah kunjungan wisatawan", "orang", 250_000),
    ];

    public static async Task SeedAsync(AppDbContext db, string regionCode, DateOnly today, CancellationToken ct = default)
    {
        if (await db.PerformanceIndicators.IgnoreQueryFilters().AnyAsync(p => p.RegionCode == regionCode, ct))
            return;
        var opds = await db.Opds.IgnoreQueryFilters().Where(o => o.RegionCode == regionCode).ToDictionaryAsync(o => o.ShortName, o => o.Id, ct);
        var iku = Iku.Where(k => opds.ContainsKey(k.Opd)).Select(k => new PerformanceIndicator
        {
            RegionCode = regionCode, OpdId = opds[k.Opd], Code = k.Code, Name = k.Name, Unit = k.Unit, Year = today.Year, Target = k.Target,
        }).ToList();
        db.PerformanceIndicators.AddRange(iku);
        await db.SaveChangesAsync(ct);

        var reported = await db.ImplementationReports.IgnoreQueryFilters().Where(r => r.RegionCode == regionCode)
            .Select(r => r.AgreementId).Distinct().OrderBy(id => id).ToListAsync(ct);
        var n = 0;
        foreach (var id in reported)
        {
            n++;
            var agreement = (await MonevAgreement.LoadAsync(db, id, ct))!;
            var linked = iku.FirstOrDefault(k => agreement.OpdIds.Contains(k.OpdId));
            var indicator = new Indicator
            {
                AgreementId = id, Name = linked is null ? "Kegiatan bersama mitra yang terlaksana" : $"Kontribusi pada {linked.Name.ToLowerInvariant()}",
                Unit = "kegiatan", Baseline = 0, PerformanceIndicatorId = linked?.Id,
            };
            foreach (var (period, k) in agreement.PeriodsOn(today).Where(p => p.HasEndedOn(today) && !p.IsFinal).TakeLast(2).Select((p, k) => (p, k)))
            {
                var target = 4 + (n % 3) * 2;
                // Most reach their target; every third falls short in its latest period.
                var realised = n % 3 == 0 && k == 1 ? target / 2 : target + (n % 2);
                indicator.Values.Add(new IndicatorValue
                {
                    PeriodCode = period.Code, PeriodEnd = period.End, Target = target, Realisation = realised,
                    RecordedByName = "Data demo", RecordedAt = period.DueOn.ToDateTime(new TimeOnly(3, 0), DateTimeKind.Utc),
                });
            }
            db.Indicators.Add(indicator);
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A few open kendala from the reports, one past its due date (so escalated to the TKKSD), one solved.</summary>
    public static async Task SeedObstaclesAsync(AppDbContext db, string regionCode, DateOnly today, CancellationToken ct = default)
    {
        if (await db.Obstacles.IgnoreQueryFilters().AnyAsync(o => o.RegionCode == regionCode, ct))
            return;
        var raised = await db.ImplementationReports.IgnoreQueryFilters().Where(r => r.RegionCode == regionCode && r.Obstacles != null && r.State == ReportState.Dikirim)
            .OrderBy(r => r.AgreementId).Take(4).Select(r => new { r.Id, r.AgreementId, r.OpdId, r.PeriodEnd }).ToListAsync(ct);
        (string Action, int DueInDays, ObstacleStatus Status)[] plans =
        [
            ("Rapat koordinasi ulang jadwal dengan mitra", -20, ObstacleStatus.Ditindaklanjuti),
            ("Surat Sekda kepada mitra untuk menetapkan jadwal bersama", 30, ObstacleStatus.Terbuka),
            ("Penyesuaian rencana kerja pada semester berikutnya", 45, ObstacleStatus.Terbuka),
            ("Jadwal baru disepakati dalam rapat TKKSD", -60, ObstacleStatus.Selesai),
        ];
        for (var i = 0; i < raised.Count; i++)
            db.Obstacles.Add(new Obstacle
            {
                RegionCode = regionCode, AgreementId = raised[i].AgreementId, OpdId = raised[i].OpdId, ReportId = raised[i].Id,
                Description = "Jadwal mitra bergeser sehingga sebagian kegiatan mundur", Since = raised[i].PeriodEnd.AddDays(-40),
                Action = plans[i].Action, Owner = "Kepala Bidang OPD", DueOn = today.AddDays(plans[i].DueInDays), Status = plans[i].Status, CreatedByName = "Data demo",
            });
        await db.SaveChangesAsync(ct);
    }
}
