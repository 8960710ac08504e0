using Microsoft.Playwright;
using Sinergi.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Sinergi.BrowserTests;

/// <summary>
/// Potensi daerah in Chromium, on a desktop and on a phone: the map draws the kab/kota shapes and
/// one marker per place without any tile server, the list and the ranked list fit the screen, and
/// a marker's popup leads to the potential's page. The screenshots are the ones in the README.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PotentialsTests(BrowserSession session)
{
    public static TheoryData<string> Widths => new() { "desktop", "phone" };

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task The_potentials_map_draws_shapes_and_markers_without_tiles_and_the_ranked_list_fits_the_screen(string width)
    {
        var (page, errors) = await session.SignedInAsync(Demo.Accounts.Admin, width == "phone" ? BrowserSession.Phone : BrowserSession.Desktop);

        await page.GotoAsync("/Potentials");
        var map = page.Locator("#potential-map");
        // The province's kab/kota shapes are the base map: grey outlines, no tile images.
        await Expect(map.Locator("path[stroke='#6c757d']").First).ToBeVisibleAsync();
        Assert.Equal(0, await map.Locator("img.leaflet-tile").CountAsync());
        // One marker per place: a dot for a single potential, a numbered one where several share it.
        var places = await page.EvaluateAsync<int>(
            "() => new Set(JSON.parse(document.getElementById('potential-map-data').textContent).map(m => m.lat.toFixed(5) + ',' + m.lng.toFixed(5))).size");
        Assert.True(places > 1, "the demo's potentials stand at more than one place");
        var dots = map.Locator("path[stroke='#0f4d44']");
        var clusters = map.Locator(".potential-cluster");
        await Expect(dots.First).ToBeVisibleAsync();
        Assert.Equal(places, await dots.CountAsync() + await clusters.CountAsync());
        Assert.True(await page.Locator("#potential-table tbody tr").CountAsync() > 0);
        await AssertFitsAsync(page, "/Potentials");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserSession.Screenshots, $"potensi-peta-{width}.png"), FullPage = true });

        // A marker's popup names its potential and leads to its page.
        await dots.First.ClickAsync(new() { Force = true });
        var link = page.Locator(".potential-popup a").First;
        await Expect(link).ToBeVisibleAsync();
        var name = (await link.TextContentAsync())!.Trim();
        await link.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(name);

        await page.GotoAsync("/Potentials/Ranking");
        var first = page.Locator("#ranking-table tbody tr").First;
        await Expect(first.Locator("td[data-label='Peringkat']")).ToHaveTextAsync("1");
        await Expect(first.Locator(".ranking-score strong")).ToBeVisibleAsync();
        await AssertFitsAsync(page, "/Potentials/Ranking");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserSession.Screenshots, $"potensi-peringkat-{width}.png"), FullPage = true });
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    private static async Task AssertFitsAsync(IPage page, string path)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"{path} runs {overflow} px off the right edge");
    }
}
