using Sinergi.Features.Agreements;
using Sinergi.Features.Monitoring;

namespace Sinergi.Tests.Monitoring;

public class EvaluationPeriodsTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    private static List<EvaluationPeriod> Periods(DateOnly starts, DateOnly? ends, EvaluationCadence cadence = EvaluationCadence.Semesteran,
        AgreementLifecycle lifecycle = AgreementLifecycle.Aktif, DateOnly? terminated = null) =>
        EvaluationPeriods.For(EvaluationPeriods.Term(lifecycle, starts, starts, ends, terminated), cadence, 15, Today);

    [Fact]
    public void Two_semesters_per_budget_year_while_in_force_up_to_the_running_one()
    {
        var periods = Periods(new DateOnly(2025, 3, 10), new DateOnly(2028, 3, 9));
        Assert.Equal(["2025-s1", "2025-s2", "2026-s1", "2026-s2"], periods.Select(p => p.Code));
        var first = periods[2];
        Assert.Equal("Semester I 2026", first.Label);
        Assert.Equal((new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30), new DateOnly(2026, 7, 15)), (first.Start, first.End, first.DueOn));
        Assert.True(first.IsOverdueOn(Today));
        Assert.False(periods[3].HasEndedOn(Today));
    }

    [Fact]
    public void An_ended_agreement_gets_a_final_evaluation_over_its_whole_term()
    {
        var periods = Periods(new DateOnly(2024, 8, 1), new DateOnly(2026, 2, 28));
        Assert.Equal(["2024-s2", "2025-s1", "2025-s2", "2026-s1", EvaluationPeriods.FinalCode], periods.Select(p => p.Code));
        var final = periods[^1];
        Assert.True(final.IsFinal);
        Assert.Equal((new DateOnly(2024, 8, 1), new DateOnly(2026, 2, 28), new DateOnly(2026, 3, 15)), (final.Start, final.End, final.DueOn));
    }

    [Fact]
    public void An_early_end_closes_the_term_on_the_day_it_was_ended()
    {
        var periods = Periods(new DateOnly(2025, 1, 1), new DateOnly(2029, 12, 31), lifecycle: AgreementLifecycle.Diakhiri, terminated: new DateOnly(2025, 9, 30));
        Assert.Equal(["2025-s1", "2025-s2", EvaluationPeriods.FinalCode], periods.Select(p => p.Code));
        Assert.Equal(new DateOnly(2025, 9, 30), periods[^1].End);
    }

    [Fact]
    public void Quarterly_and_yearly_cadences()
    {
        Assert.Equal(["2026-q2", "2026-q3", "2026-q4"], Periods(new DateOnly(2026, 5, 2), null, EvaluationCadence.Triwulanan).Select(p => p.Code));
        Assert.Equal("Triwulan III 2026", Periods(new DateOnly(2026, 5, 2), null, EvaluationCadence.Triwulanan)[1].Label);
        Assert.Equal(["2025-th", "2026-th"], Periods(new DateOnly(2025, 11, 2), null, EvaluationCadence.Tahunan).Select(p => p.Code));
    }

    [Fact]
    public void A_draft_or_a_period_outside_the_term_has_no_period()
    {
        Assert.Empty(Periods(new DateOnly(2025, 1, 1), null, lifecycle: AgreementLifecycle.Draf));
        var periods = Periods(new DateOnly(2025, 7, 1), null);
        Assert.Null(EvaluationPeriods.Find(periods, "2025-s1"));
        Assert.Null(EvaluationPeriods.Find(periods, "2027-s1"));
        Assert.NotNull(EvaluationPeriods.Find(periods, "2025-S2"));
        Assert.True(EvaluationPeriods.IsWellFormed("2025-s1"));
        Assert.False(EvaluationPeriods.IsWellFormed("semester-1"));
    }
}
