using Sinergi.Features.Agreements;
using static Sinergi.Features.Agreements.AgreementLifecycle;
using static Sinergi.Features.Agreements.AgreementStatus;

namespace Sinergi.Tests.Agreements;

public sealed class AgreementStatusTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    [Theory]
    [InlineData(AgreementLifecycle.Draf, "2026-01-01", "2030-01-01", AgreementStatus.Draf)]
    [InlineData(AgreementLifecycle.Diakhiri, "2026-01-01", "2030-01-01", AgreementStatus.Diakhiri)]
    [InlineData(Aktif, "2026-12-01", "2030-01-01", BelumBerlaku)]
    [InlineData(Aktif, "2024-01-01", "2026-11-24", Berakhir)]
    [InlineData(Aktif, "2024-01-01", "2026-11-25", AkanBerakhir)]
    [InlineData(Aktif, "2024-01-01", "2027-02-23", AkanBerakhir)]
    [InlineData(Aktif, "2024-01-01", "2027-02-24", Berlaku)]
    [InlineData(Aktif, "2026-11-25", null, Berlaku)]
    public void Status_follows_lifecycle_then_dates_with_a_90_day_window(AgreementLifecycle lifecycle, string starts, string? ends, AgreementStatus expected) =>
        Assert.Equal(expected, AgreementStatusRules.StatusOf(lifecycle, DateOnly.Parse(starts), ends is null ? null : DateOnly.Parse(ends), Today, 90));

    [Fact]
    public void A_region_with_a_shorter_window_sees_akan_berakhir_later()
    {
        var ends = new DateOnly(2027, 1, 20);
        Assert.Equal(AkanBerakhir, AgreementStatusRules.StatusOf(Aktif, new DateOnly(2024, 1, 1), ends, Today, 90));
        Assert.Equal(Berlaku, AgreementStatusRules.StatusOf(Aktif, new DateOnly(2024, 1, 1), ends, Today, 30));
    }

    [Fact]
    public void Five_years_from_the_first_of_march_end_on_the_last_day_of_february()
    {
        Assert.Equal(new DateOnly(2029, 2, 28), AgreementStatusRules.EndFromDuration(new DateOnly(2024, 3, 1), 60));
        Assert.Equal(new DateOnly(2025, 11, 24), AgreementStatusRules.EndFromDuration(new DateOnly(2024, 11, 25), 12));
    }

    [Fact]
    public void Labels_and_api_values_are_indonesian()
    {
        Assert.Equal("akan-berakhir", AgreementLabels.Slug(AkanBerakhir));
        Assert.Equal("Belum berlaku", AgreementLabels.Label(BelumBerlaku));
        Assert.Equal(AkanBerakhir, AgreementLabels.StatusFromSlug("akan-berakhir"));
        Assert.Null(AgreementLabels.StatusFromSlug("expired"));
    }
}
