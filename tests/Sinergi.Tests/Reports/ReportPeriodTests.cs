using Sinergi.Features.Agreements;
using Sinergi.Features.Reports;
using Sinergi.Tests.Testing;

namespace Sinergi.Tests.Reports;

public sealed class ReportPeriodTests
{
    private static readonly DateOnly MidNovember = new(2026, 11, 25);

    [Fact]
    public void Semesters_and_the_year_have_their_days_and_Indonesian_names()
    {
        var first = new ReportPeriod(2026, ReportPeriodKind.Semester1);
        var second = new ReportPeriod(2026, ReportPeriodKind.Semester2);
        var year = new ReportPeriod(2026, ReportPeriodKind.Tahun);

        Assert.Equal((new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30)), (first.From, first.Until));
        Assert.Equal((new DateOnly(2026, 7, 1), new DateOnly(2026, 12, 31)), (second.From, second.Until));
        Assert.Equal((new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)), (year.From, year.Until));
        Assert.Equal("Semester I 2026", first.Name);
        Assert.Equal("Semester II 2026", second.Name);
        Assert.Equal("Tahun 2026", year.Name);
        Assert.Equal("1 Januari 2026 s.d. 30 Juni 2026", first.Range);
        Assert.Equal("1 Juli 2026 s.d. 31 Desember 2026", second.Range);
    }

    [Theory]
    [InlineData("s1", ReportPeriodKind.Semester1)]
    [InlineData(" S2 ", ReportPeriodKind.Semester2)]
    [InlineData("tahun", ReportPeriodKind.Tahun)]
    public void Slugs_name_the_periods(string slug, ReportPeriodKind kind)
    {
        Assert.Equal(kind, ReportPeriod.KindFromSlug(slug));
        Assert.Equal(slug.Trim().ToLowerInvariant(), new ReportPeriod(2026, kind).Slug);
    }

    [Theory]
    [InlineData("s3")]
    [InlineData("semester1")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_not_a_period(string? slug) => Assert.Null(ReportPeriod.KindFromSlug(slug));

    [Fact]
    public void A_past_period_is_judged_on_its_last_day_and_a_running_one_on_today()
    {
        Assert.Equal(new DateOnly(2026, 6, 30), new ReportPeriod(2026, ReportPeriodKind.Semester1).AsOf(MidNovember));
        Assert.Equal(MidNovember, new ReportPeriod(2026, ReportPeriodKind.Semester2).AsOf(MidNovember));
        Assert.Equal(MidNovember, new ReportPeriod(2026, ReportPeriodKind.Tahun).AsOf(MidNovember));
        Assert.Equal(new DateOnly(2025, 12, 31), new ReportPeriod(2025, ReportPeriodKind.Tahun).AsOf(MidNovember));
        // On its last day a period is judged on that day either way.
        Assert.Equal(new DateOnly(2026, 6, 30), new ReportPeriod(2026, ReportPeriodKind.Semester1).AsOf(new DateOnly(2026, 6, 30)));
    }

    [Fact]
    public void Only_periods_that_have_begun_can_be_reported()
    {
        Assert.True(new ReportPeriod(2026, ReportPeriodKind.Semester2).HasBegun(MidNovember));
        Assert.False(new ReportPeriod(2027, ReportPeriodKind.Semester1).HasBegun(MidNovember));
        Assert.False(new ReportPeriod(2026, ReportPeriodKind.Semester2).HasBegun(new DateOnly(2026, 6, 30)));
        Assert.Equal(["Semester II 2026", "Semester I 2026", "Tahun 2026", "Semester II 2025", "Semester I 2025", "Tahun 2025"],
            ReportPeriod.Recent(MidNovember).Select(p => p.Name));
        Assert.DoesNotContain("Semester II 2026", ReportPeriod.Recent(new DateOnly(2026, 3, 1)).Select(p => p.Name));
    }

    private static readonly DateOnly From = new(2026, 1, 1);
    private static readonly DateOnly AsOf = new(2026, 6, 30);

    private static Agreement Make(string signed, string? ends, AgreementLifecycle lifecycle = AgreementLifecycle.Aktif, string? starts = null, string? terminated = null) => new()
    {
        RegionCode = Demo.Home,
        Title = "Uji",
        Lifecycle = lifecycle,
        SignedOn = DateOnly.Parse(signed, System.Globalization.CultureInfo.InvariantCulture),
        StartsOn = DateOnly.Parse(starts ?? signed, System.Globalization.CultureInfo.InvariantCulture),
        EndsOn = ends is null ? null : DateOnly.Parse(ends, System.Globalization.CultureInfo.InvariantCulture),
        TerminatedOn = terminated is null ? null : DateOnly.Parse(terminated, System.Globalization.CultureInfo.InvariantCulture),
    };

    public static TheoryData<string, Agreement, bool> Coverage => new()
    {
        { "in force all along", Make("2024-03-01", "2029-02-28"), true },
        { "ended on the first day", Make("2023-01-01", "2026-01-01"), true },
        { "ended the day before", Make("2023-01-01", "2025-12-31"), false },
        { "no end date", Make("2020-05-05", null), true },
        { "signed in the period, starting after it", Make("2026-06-01", "2028-12-31", starts: "2026-09-01"), true },
        { "signed before, starting after the report day", Make("2025-11-01", "2028-12-31", starts: "2026-07-01"), false },
        { "signed after the report day", Make("2026-07-02", "2028-12-31"), false },
        { "ended early before the period", Make("2024-01-01", "2029-01-01", AgreementLifecycle.Diakhiri, terminated: "2025-10-01"), false },
        { "ended early inside the period", Make("2024-01-01", "2029-01-01", AgreementLifecycle.Diakhiri, terminated: "2026-03-01"), true },
        { "a draft", Make("2026-02-01", "2027-02-01", AgreementLifecycle.Draf), false },
    };

    [Theory]
    [MemberData(nameof(Coverage))]
    public void The_report_holds_what_was_signed_in_or_in_force_during_the_period(string why, Agreement agreement, bool covered)
    {
        var rule = PeriodReports.Covers(From, AsOf).Compile();
        Assert.True(rule(agreement) == covered, why);
    }

    [Fact]
    public void An_agreement_ended_early_after_the_report_day_was_still_running_on_it()
    {
        var terminated = new DateOnly(2026, 8, 25);
        Assert.Equal(AgreementStatus.Berlaku,
            PeriodReports.StatusOn(AgreementLifecycle.Diakhiri, new DateOnly(2024, 1, 1), new DateOnly(2029, 1, 1), terminated, AsOf, 90));
        Assert.Equal(AgreementStatus.Diakhiri,
            PeriodReports.StatusOn(AgreementLifecycle.Diakhiri, new DateOnly(2024, 1, 1), new DateOnly(2029, 1, 1), terminated, new DateOnly(2026, 8, 25), 90));
        Assert.Equal(AgreementStatus.AkanBerakhir,
            PeriodReports.StatusOn(AgreementLifecycle.Aktif, new DateOnly(2024, 1, 1), new DateOnly(2026, 9, 1), null, AsOf, 90));
        Assert.Equal(AgreementStatus.Berakhir,
            PeriodReports.StatusOn(AgreementLifecycle.Aktif, new DateOnly(2024, 1, 1), new DateOnly(2026, 6, 29), null, AsOf, 90));
    }
}
