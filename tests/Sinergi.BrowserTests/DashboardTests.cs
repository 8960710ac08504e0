using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Sinergi.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Sinergi.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class DashboardTests(BrowserSession session)
{
    [Fact]
    public async Task Pimpinan_clicks_a_bar_of_the_dashboard_and_lands_on_the_filtered_list_with_the_same_count()
    {
        var (page, errors) = await session.SignedInAsync(Demo.Accounts.Pimpinan);

        var canvas = page.Locator("canvas[data-chart-table='chart-kind']");
        await Expect(canvas).ToBeVisibleAsync();
        var first = page.Locator("#chart-kind tbody tr").First;
        var count = await first.GetAttributeAsync("data-count");
        var href = await first.GetAttributeAsync("data-href");
        // The middle of the first bar, from the chart's own layout (CSS pixels from the canvas's corner).
        var point = await canvas.EvaluateAsync<double[]>(
            "c => { const bar = c.dashboardChart.getDatasetMeta(0).data[0]; return [(bar.x + bar.base) / 2, bar.y]; }");
        var box = (await canvas.BoundingBoxAsync())!;
        await page.Mouse.ClickAsync((float)(box.X + point[0]), (float)(box.Y + point[1]));

        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(href!.Split('?')[1]) + "$"));
        await Expect(page.Locator("#result-summary")).ToContainTextAsync($"{count} kerja sama");
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
