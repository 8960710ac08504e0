namespace Sinergi.Features.Monitoring;

/// <summary>Where a period's reports stand, as the Monev list shows it.</summary>
public enum PeriodState
{
    BelumDiisi,
    Draf,
    Dikirim,
    /// <summary>The TKKSD lokus review is in.</summary>
    Ditelaah,
    /// <summary>The admin's evaluation is in: the period is closed.</summary>
    Selesai,
}

public static class PeriodStates
{
    public static string Label(PeriodState state) => state switch
    {
        PeriodState.Draf => "Draf",
        PeriodState.Dikirim => "Dikirim",
        PeriodState.Ditelaah => "Ditelaah",
        PeriodState.Selesai => "Selesai",
        _ => "Belum diisi",
    };

    public static string Badge(PeriodState state) => state switch
    {
        PeriodState.Draf => "text-bg-warning",
        PeriodState.Dikirim => "text-bg-info",
        PeriodState.Ditelaah => "text-bg-primary",
        PeriodState.Selesai => "text-bg-success",
        _ => "text-bg-secondary",
    };

    /// <summary>The state of a period from its latest implementation report revision (and whether any revision was submitted).</summary>
    public static PeriodState Of(ReportState? latest, bool anySubmitted, bool reviewed = false, bool evaluated = false) =>
        evaluated ? PeriodState.Selesai : reviewed ? PeriodState.Ditelaah
        : anySubmitted ? PeriodState.Dikirim : latest is null ? PeriodState.BelumDiisi : PeriodState.Draf;

    /// <summary>Overdue: its due date has passed and the OPD's report is not in.</summary>
    public static bool IsOverdue(EvaluationPeriod period, PeriodState state, DateOnly today) =>
        state < PeriodState.Dikirim && period.IsOverdueOn(today);
}
