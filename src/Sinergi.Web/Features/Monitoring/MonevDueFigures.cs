using System.Runtime.CompilerServices;

namespace Sinergi.Features.Monitoring;

/// <summary>
/// What the Monev section shows of the whole due list besides its page: the counts, the OPDs of the
/// filter and the admin's own work. The list is kept per registry version (<see cref="MonevQueries.DueAsync(Sinergi.Data.AppDbContext, Sinergi.Tenancy.RegionScope, Sinergi.Features.Agreements.Registry.RegistryCache, string, DateOnly, CancellationToken)"/>)
/// and shared, so these are reckoned once per kept list rather than on every request (thousands of
/// rows at a region's scale), and live exactly as long as it.
/// </summary>
public sealed class MonevDueFigures
{
    private static readonly ConditionalWeakTable<IReadOnlyList<MonevQueries.DueRow>, MonevDueFigures> Kept = new();

    public int Overdue { get; private init; }
    public int Draft { get; private init; }
    public int Submitted { get; private init; }
    /// <summary>The OPDs that appear in the list, by short name.</summary>
    public List<(int Id, string ShortName)> Opds { get; private init; } = [];
    /// <summary>The evaluations only the admin can close, then the overdue reports others must send.</summary>
    public IReadOnlyList<MonevQueries.DueRow> ToCloseThenOverdue { get; private init; } = [];

    public static MonevDueFigures Of(IReadOnlyList<MonevQueries.DueRow> rows) => Kept.GetValue(rows, Reckon);

    private static MonevDueFigures Reckon(IReadOnlyList<MonevQueries.DueRow> all) => new()
    {
        Overdue = all.Count(r => r.Overdue),
        Draft = all.Count(r => r.State == PeriodState.Draf),
        Submitted = all.Count(r => r.State == PeriodState.Dikirim),
        Opds = all.SelectMany(r => r.OpdIds.Zip(r.Opds.Split(", "))).Distinct().OrderBy(o => o.Second).Select(o => (o.First, o.Second)).ToList(),
        ToCloseThenOverdue = all.Where(r => r.State == PeriodState.Ditelaah).Concat(all.Where(r => r.Overdue && r.State != PeriodState.Ditelaah)).ToList(),
    };
}
