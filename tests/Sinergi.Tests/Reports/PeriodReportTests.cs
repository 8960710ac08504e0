using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Sinergi.Features.Agreements;
using Sinergi.Tenancy;
using Sinergi.Tests.Testing;

namespace Sinergi.Tests.Reports;

public abstract class PeriodReportTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SinergiApp
{
    private const string Admin = Demo.Accounts.Admin;

    private static int Year => RegionClock.Today(TimeProvider.System, Demo.Home).Year;

    private static DateOnly FirstSemesterStart => new(Year, 1, 1);

    private static DateOnly FirstSemesterEnd => new(Year, 6, 30);

    private Task<ExpectedReport> FirstSemesterAsync(string region = Demo.Home) => ExpectedReport.ForAsync(app, region, FirstSemesterStart, FirstSemesterEnd);

    private async Task<HttpClient> ClientForAsync(string email)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenForAsync(email));
        return client;
    }

    [Fact]
    public async Task The_report_ends_with_the_signature_block_its_region_set()
    {
        var browser = new Browser(app);
        await browser.LoginAsync(Admin);
        var today = Sinergi.Web.Indonesian.Date(RegionClock.Today(TimeProvider.System, Demo.Home));
        var pdf = PdfText.Read(await browser.Http.GetByteArrayAsync($"/Reports/Period?year={Year}&period=s1&handler=pdf"));
        var end = pdf.Lines.TakeLast(12).ToList();
        Assert.Contains($"Palangka Raya, {today}", end);
        Assert.Contains("Sekretaris Daerah Kota Palangka Raya,", end);
        Assert.Contains("Dr. Hendra Pranata, S.STP., M.Si.", end);
        Assert.Contains("NIP 19730512 199803 1 004", end);
        var page = await browser.GetAsync($"/Reports/Period?year={Year}&period=s1");
        Assert.Contains("NIP 19730512 199803 1 004", page.Text("#signature"));

        // Pulang Pisau sets its own; a wrong NIP is refused and changes nothing.
        var other = new Browser(app);
        await other.LoginAsync(Demo.Accounts.PartnerRegionAdmin);
        var form = await other.GetAsync("/Settings/Report");
        var refused = await other.FollowAsync(await other.SubmitAsync(form, "#signer-form",
            [new("Input.Place", "Pulang Pisau"), new("Input.Title", "Sekretaris Daerah Kabupaten Pulang Pisau"), new("Input.Name", "Ir. Tri Wahyuni"), new("Input.Nip", "1972")]));
        Assert.Contains("NIP terdiri dari 18 angka", refused.FieldError("Input.Nip"));
        var before = PdfText.Read(await other.Http.GetByteArrayAsync($"/Reports/Period?year={Year}&period=s1&handler=pdf"));
        Assert.Contains(before.Lines.TakeLast(12), l => l.StartsWith("NIP ……", StringComparison.Ordinal));
        await other.FollowAsync(await other.SubmitAsync(refused, "#signer-form", [new("Input.Nip", "19720309 199503 2 002")]));
        var after = PdfText.Read(await other.Http.GetByteArrayAsync($"/Reports/Period?year={Year}&period=s1&handler=pdf"));
        Assert.Contains("Ir. Tri Wahyuni", after.Lines.TakeLast(12));
        Assert.Contains("NIP 19720309 199503 2 002", after.Lines.TakeLast(12));
    }

    [Fact]
    public async Task Pdf_report_states_the_region_the_period_and_the_counts_of_the_registry()
    {
        var expected = await FirstSemesterAsync();
        var browser = new Browser(app);
        await browser.LoginAsync(Admin);
        var response = await browser.Http.GetAsync($"/Reports/Period?year={Year}&period=s1&handler=pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"laporan-kerja-sama-62.71-{Year}-s1.pdf", response.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        var pdf = PdfText.Read(await response.Content.ReadAsByteArrayAsync());

        Assert.True(pdf.Shows("LAPORAN PELAKSANAAN KERJA SAMA DAERAH"));
        Assert.True(pdf.HasLine("Pemerintah daerah Pemerintah Kota Palangkaraya"));
        Assert.True(pdf.HasLine("Kode wilayah (Kemendagri) 62.71"));
        Assert.Contains(pdf.Lines, l => l.Contains($"1 Januari {Year} s.d. 30 Juni {Year}", StringComparison.Ordinal));
        Assert.True(pdf.HasLine($"Jumlah kerja sama {expected.Covered.Count} kerja sama"), string.Join("\n", pdf.Lines.Take(30)));
        Assert.True(pdf.HasLine($"Nilai kerja sama {ExpectedReport.Rupiah(expected.Value(_ => true))}"));
        Assert.True(pdf.Shows($"Halaman 1 dari {pdf.Pages}"));

        foreach (var kind in Enum.GetValues<AgreementKind>())
        {
            var count = expected.Covered.Count(a => a.Kind == kind);
            var line = $"{AgreementLabels.Code(kind)} {AgreementLabels.Label(kind)} {count} {ExpectedReport.Rupiah(expected.Value(a => a.Kind == kind))}";
            Assert.True(pdf.HasLine(line), $"missing row: {line}");
        }
        foreach (var status in Enum.GetValues<AgreementStatus>().Where(s => s != AgreementStatus.Draf))
        {
            var line = $"{AgreementLabels.Label(status)} {expected.Count(status)} {ExpectedReport.Rupiah(expected.Value(a => expected.Status[a.Id] == status))}";
            Assert.True(pdf.HasLine(line), $"missing row: {line}");
        }
        foreach (var urusan in expected.Covered.SelectMany(a => a.Urusan).DistinctBy(u => u.Code))
        {
            var line = $"{urusan.Code} {urusan.Name} {expected.Covered.Count(a => a.Urusan.Any(u => u.Code == urusan.Code))}";
            Assert.True(pdf.HasLine(line), $"missing row: {line}");
        }

        // The full list holds exactly the agreements of the period: their numbers and nothing else's.
        var others = expected.Registry.Except(expected.Covered).Where(a => a.Number is not null).ToList();
        Assert.NotEmpty(others);
        Assert.All(expected.Covered, a => Assert.Contains(a.Number!, pdf.Words));
        Assert.All(others, a => Assert.DoesNotContain(a.Number!, pdf.Words));
        Assert.True(pdf.Shows(expected.Covered.MinBy(a => a.Title.Length)!.Title));
        var valued = expected.Covered.First(a => a.Value > 0);
        Assert.True(pdf.Shows(ExpectedReport.Rupiah(valued.Value!.Value)));
    }

    [Fact]
    public async Task Printable_page_from_the_report_menu_shows_the_same_counts()
    {
        var expected = await FirstSemesterAsync();
        var browser = new Browser(app);
        await browser.LoginAsync(Admin);
        var menu = await browser.GetAsync("/Reports");
        var link = menu.QuerySelectorAll("#recent-reports tr")
            .Single(r => r.TextContent.Contains($"Semester I {Year}", StringComparison.Ordinal) && !r.TextContent.Contains("Semester II", StringComparison.Ordinal))
            .QuerySelectorAll("a").First(a => a.TextContent == "Lihat laporan").GetAttribute("href")!;
        var page = await browser.GetAsync(link);

        Assert.Equal(HttpStatusCode.OK, browser.Last!.StatusCode);
        Assert.Null(page.QuerySelector("nav.main-nav"));
        Assert.Equal($"Semester I {Year} (1 Januari {Year} s.d. 30 Juni {Year})", page.Text("#period-range"));
        Assert.Equal($"{expected.Covered.Count} kerja sama", page.Text("#total"));
        foreach (var kind in Enum.GetValues<AgreementKind>())
            Assert.Equal(expected.Covered.Count(a => a.Kind == kind).ToString(), page.Text($"#by-kind tr[data-key='{AgreementLabels.Code(kind)}'] .count"));
        foreach (var status in Enum.GetValues<AgreementStatus>().Where(s => s != AgreementStatus.Draf))
            Assert.Equal(expected.Count(status).ToString(), page.Text($"#by-status tr[data-key='{AgreementLabels.Slug(status)}'] .count"));
        var listed = page.QuerySelectorAll("#all-agreements tbody tr[data-id]").Select(r => int.Parse(r.GetAttribute("data-id")!)).Order();
        Assert.Equal(expected.Covered.Select(a => a.Id).Order(), listed);
        Assert.Contains("handler=pdf", page.QuerySelector("#pdf-link")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Api_gives_the_report_as_json_or_as_a_pdf()
    {
        var expected = await FirstSemesterAsync();
        var client = await ClientForAsync(Admin);

        var json = await client.GetFromJsonAsync<JsonElement>($"/api/v1/reports/period?year={Year}&period=s1&format=json");
        Assert.Equal(Demo.Home, json.GetProperty("region").GetProperty("code").GetString());
        Assert.Equal($"1 Januari {Year} s.d. 30 Juni {Year}", json.GetProperty("period").GetProperty("range").GetString());
        Assert.Equal(expected.AsOf.ToString("yyyy-MM-dd"), json.GetProperty("asOf").GetString());
        Assert.Equal(expected.Covered.Count, json.GetProperty("total").GetInt32());
        var berlaku = json.GetProperty("byStatus").EnumerateArray().Single(s => s.GetProperty("key").GetString() == "berlaku");
        Assert.Equal(expected.Count(AgreementStatus.Berlaku), berlaku.GetProperty("count").GetInt32());
        var ids = json.GetProperty("agreements").EnumerateArray().Select(a => a.GetProperty("id").GetInt32()).Order();
        Assert.Equal(expected.Covered.Select(a => a.Id).Order(), ids);
        var drafts = expected.Registry.Where(a => a.Lifecycle == AgreementLifecycle.Draf).Select(a => a.Id).ToList();
        Assert.NotEmpty(drafts);
        Assert.Empty(drafts.Intersect(ids));

        // The three lists: signed in the period, ended in it (end date, or termination date when ended early), akan berakhir on the report day.
        bool InPeriod(DateOnly? day) => day >= FirstSemesterStart && day <= expected.AsOf;
        IEnumerable<int> Listed(string name) => json.GetProperty(name).EnumerateArray().Select(a => a.GetProperty("id").GetInt32()).Order();
        Assert.Equal(expected.Covered.Where(a => InPeriod(a.SignedOn)).Select(a => a.Id).Order(), Listed("signedInPeriod"));
        var ended = expected.Covered.Where(a => a.Lifecycle == AgreementLifecycle.Diakhiri && a.TerminatedOn <= expected.AsOf ? InPeriod(a.TerminatedOn) : InPeriod(a.EndsOn));
        Assert.Equal(ended.Select(a => a.Id).Order(), Listed("endedInPeriod"));
        Assert.Equal(expected.Covered.Where(a => expected.Status[a.Id] == AgreementStatus.AkanBerakhir).Select(a => a.Id).Order(), Listed("expiring"));
        Assert.NotEmpty(Listed("signedInPeriod"));
        Assert.NotEmpty(Listed("expiring"));

        var pdf = await client.GetAsync($"/api/v1/reports/period?year={Year}&period=tahun&format=pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..5]));
        Assert.True(PdfText.Read(await pdf.Content.ReadAsByteArrayAsync()).Shows($"1 Januari {Year} s.d. 31 Desember {Year}"));

        var byAccept = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/reports/period?year={Year}&period=s1");
        byAccept.Headers.Accept.ParseAdd("application/pdf");
        Assert.Equal("application/pdf", (await client.SendAsync(byAccept)).Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Api_names_the_fields_it_cannot_accept()
    {
        var client = await ClientForAsync(Admin);
        var response = await client.GetAsync("/api/v1/reports/period?year=1999&period=s3&format=docx&region=palangkaraya");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "year", "period", "format", "region" })
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}");

        var future = await client.GetAsync($"/api/v1/reports/period?year={Year + 1}&period=s1");
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Contains("belum dimulai", (await future.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("year")[0].GetString());
    }

    [Fact]
    public async Task Another_region_gets_404_and_the_province_overseer_gets_its_kota()
    {
        var expected = await FirstSemesterAsync();
        var neighbour = await ClientForAsync(Demo.Accounts.PartnerRegionAdmin);
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.GetAsync($"/api/v1/reports/period?year={Year}&period=s1&region=62.71")).StatusCode);
        var browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.PartnerRegionAdmin);
        await browser.GetAsync($"/Reports/Period?year={Year}&period=s1&region=62.71&handler=pdf");
        Assert.Equal(HttpStatusCode.NotFound, browser.Last!.StatusCode);

        var province = await ClientForAsync(Demo.Accounts.ProvinceOverseer);
        var json = await province.GetFromJsonAsync<JsonElement>($"/api/v1/reports/period?year={Year}&period=s1&region=62.71");
        Assert.Equal("Pemerintah Kota Palangkaraya", json.GetProperty("region").GetProperty("governmentName").GetString());
        Assert.Equal(expected.Covered.Count, json.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await province.GetAsync($"/api/v1/reports/period?year={Year}&period=s1&region=63.71")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await province.GetAsync($"/api/v1/reports/period?year={Year}&period=s1&region=99.99")).StatusCode);

        var overseer = new Browser(app);
        await overseer.LoginAsync(Demo.Accounts.ProvinceOverseer);
        var menu = await overseer.GetAsync("/Reports?region=62.71");
        Assert.Equal(Demo.Home, menu.QuerySelector("#region option[selected]")!.GetAttribute("value"));
        var pdf = await overseer.Http.GetAsync($"/Reports/Period?year={Year}&period=s1&region=62.71&handler=pdf");
        Assert.True(PdfText.Read(await pdf.Content.ReadAsByteArrayAsync()).HasLine($"Jumlah kerja sama {expected.Covered.Count} kerja sama"));
    }

    [Fact]
    public async Task A_partner_region_reports_the_agreements_it_is_party_to()
    {
        var expected = await ExpectedReport.ForAsync(app, Demo.PartnerRegion, new DateOnly(Year, 1, 1), new DateOnly(Year, 12, 31));
        var client = await ClientForAsync(Demo.Accounts.PartnerRegionAdmin);
        var json = await client.GetFromJsonAsync<JsonElement>($"/api/v1/reports/period?year={Year}&period=tahun");

        Assert.NotEmpty(expected.Covered);
        var agreements = json.GetProperty("agreements").EnumerateArray().ToList();
        Assert.Equal(expected.Covered.Select(a => a.Id).Order(), agreements.Select(a => a.GetProperty("id").GetInt32()).Order());
        Assert.All(agreements, a => Assert.Equal("Kota Palangkaraya", a.GetProperty("recordedBy").GetString()));
    }

    [Fact]
    public async Task A_period_not_yet_begun_sends_the_page_back_to_the_menu_with_a_message()
    {
        var browser = new Browser(app);
        await browser.LoginAsync(Admin);
        var page = await browser.FollowAsync(await browser.Http.GetAsync($"/Reports/Period?year={Year + 1}&period=s2"));
        Assert.Equal("/Reports", browser.Last!.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains($"Semester II {Year + 1} belum dimulai", page.Text("[role=alert]"));
    }
}

public sealed class PeriodReportTestsOnSqlite(SqliteApp app) : PeriodReportTests<SqliteApp>(app);

public sealed class PeriodReportTestsOnPostgres(PostgresApp app) : PeriodReportTests<PostgresApp>(app);
