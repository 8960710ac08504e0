using Microsoft.EntityFrameworkCore;
using Sinergi.Features.Agreements;
using Sinergi.Features.Monitoring;
using Sinergi.Tenancy;
using Sinergi.Tests.Testing;

namespace Sinergi.Tests.Monitoring;

/// <summary>Agreements with known terms for monitoring tests, and the periods the app gives them.</summary>
public static class MonevSteps
{
    public static DateOnly Today => RegionClock.Today(TimeProvider.System, Demo.Home);

    /// <summary>A signed agreement of the home region run by <paramref name="opd"/>, in force from <paramref name="startsOn"/>.</summary>
    public static Task<int> AgreementAsync(SinergiApp app, string title, DateOnly startsOn, DateOnly? endsOn = null, string opd = Demo.Opds.Dinkes) =>
        app.WithDbAsync(async db =>
        {
            var runner = await db.Opds.SingleAsync(o => o.RegionCode == Demo.Home && o.ShortName == opd);
            var agreement = new Agreement
            {
                RegionCode = Demo.Home, Title = title, Lifecycle = AgreementLifecycle.Aktif, Kind = AgreementKind.Ksdpk,
                DocumentType = AgreementDocumentType.PerjanjianKerjaSama, SignedOn = startsOn, StartsOn = startsOn, EndsOn = endsOn, Opds = [runner],
            };
            db.Agreements.Add(agreement);
            await db.SaveChangesAsync();
            return agreement.Id;
        });

    /// <summary>The periods the app computes for the agreement today, oldest first.</summary>
    public static Task<List<EvaluationPeriod>> PeriodsAsync(SinergiApp app, int id) =>
        app.WithDbAsync(async db => (await MonevAgreement.LoadAsync(db, id))!.PeriodsOn(Today));

    /// <summary>The latest period that has ended: the one whose report is due now.</summary>
    public static async Task<EvaluationPeriod> DuePeriodAsync(SinergiApp app, int id) =>
        (await PeriodsAsync(app, id)).Last(p => p.HasEndedOn(Today) && !p.IsFinal);

    public static readonly KeyValuePair<string, string>[] CompleteAnswers =
    [
        new("Input.ProgressPercent", "60"),
        new("Input.Outputs", "Pelatihan kader posyandu di 12 kelurahan"),
        new("Input.Realisation", "12 dari 20 kelurahan; anggaran terserap 55%"),
        new("Input.UseOfResults", "Data balita dipakai untuk intervensi gizi"),
        new("Input.Sustainability", "Dilanjutkan semester berikutnya"),
    ];
}
