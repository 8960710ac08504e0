using Sinergi.Features.Agreements;
using Sinergi.Features.Agreements.Registry;

namespace Sinergi.Features.Dashboards;

/// <summary>What the dashboard partial draws: the figures, the registry's counts per status and the agreements ending soonest.</summary>
public sealed record DashboardView(DashboardFigures Figures, IReadOnlyDictionary<AgreementStatus, int> CountsByStatus, IReadOnlyList<AgreementRow> EndingSoon);

/// <summary>One chart and the table behind it; <paramref name="Vertical"/> bars for years, horizontal for named things.</summary>
public sealed record ChartView(string Key, string Title, string Column, IReadOnlyList<Segment> Segments, bool Vertical = false);
