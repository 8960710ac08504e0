namespace Sinergi.Features.Budget;

/// <summary>How budget values read on a page, in a report and in the history.</summary>
public static class BudgetLabels
{
    public static string Label(BudgetSource source) => source switch
    {
        BudgetSource.Apbd => "APBD",
        BudgetSource.Apbn => "APBN",
        BudgetSource.Mitra => "Dana mitra",
        _ => "Lainnya",
    };

    public static string Label(PlanningDocument document) => document switch
    {
        PlanningDocument.Rkpd => "RKPD",
        PlanningDocument.RenjaOpd => "Renja OPD",
        _ => "DPA",
    };

    public static string Label(RealisationBreakdown breakdown) => breakdown switch
    {
        RealisationBreakdown.Quarterly => "per triwulan",
        RealisationBreakdown.Monthly => "per bulan",
        _ => "tanpa rincian",
    };

    public static readonly string[] Quarters = ["Triwulan I", "Triwulan II", "Triwulan III", "Triwulan IV"];

    public static readonly string[] Months =
        ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

    /// <summary>Share of plan realised, "87,5%"; a dash when nothing was planned.</summary>
    public static string Share(decimal planned, decimal realised) =>
        planned <= 0 ? "—" : (realised / planned * 100m).ToString("0.#", Web.Indonesian.Culture) + "%";
}
