using Sinergi.Web;
using Sinergi.Tests.Testing;

namespace Sinergi.Tests.Web;

public sealed class IndonesianFormatTests
{
    [Fact]
    public void Dates_read_the_way_indonesian_letters_write_them()
    {
        Assert.Equal("25 November 2026", Indonesian.Date(new DateOnly(2026, 11, 25)));
        Assert.Equal("1 Januari 2027", Indonesian.Date(new DateOnly(2027, 1, 1)));
        Assert.Equal("17 Agustus 2045", Indonesian.Date(new DateOnly(2045, 8, 17)));
    }

    [Fact]
    public void Times_show_in_the_zone_of_the_region()
    {
        var utc = new DateTime(2026, 11, 25, 7, 5, 0, DateTimeKind.Utc);
        Assert.Equal("25 November 2026 14.05 WIB", Indonesian.DateTime(utc, Demo.Home));
        Assert.Equal("25 November 2026 15.05 WITA", Indonesian.DateTime(utc, "64.72"));
        Assert.Equal("25 November 2026 16.05 WIT", Indonesian.DateTime(utc, "94.71"));
    }

    [Fact]
    public void Numbers_and_rupiah_group_thousands_with_dots()
    {
        Assert.Equal("1.234.567", Indonesian.Number(1_234_567));
        Assert.Equal("Rp1.250.000.000", Indonesian.Rupiah(1_250_000_000m));
    }
}
