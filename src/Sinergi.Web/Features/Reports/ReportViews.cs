namespace Sinergi.Features.Reports;

/// <summary>A summary table of the printable report; without <paramref name="LabelHeader"/> the key is the only text column.</summary>
public sealed record CountTable(string Id, string KeyHeader, string? LabelHeader, IReadOnlyList<ReportCount> Counts, int? Total, decimal? TotalValue);

/// <summary>One of the report's lists of agreements with the date that matters to it.</summary>
public sealed record AgreementList(string Id, IReadOnlyList<ReportAgreement> Agreements, string DateHeader, Func<ReportAgreement, string> Date);
