using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Sinergi.Features.Agreements;
using Sinergi.Features.Import;
using Sinergi.Tenancy;
using Sinergi.Tests.Testing;

namespace Sinergi.Tests.Agreements.Registry;

public abstract class ExportTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SinergiApp
{
    private const string Admin = Demo.Accounts.Admin;

    private async Task<HttpClient> ApiAsync(string email)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenForAsync(email));
        return client;
    }

    [Fact]
    public async Task The_filtered_list_downloads_as_a_workbook_with_real_dates_and_indonesian_headers()
    {
        var today = RegionClock.Today(TimeProvider.System, Demo.Home);
        var expected = (await app.WithDbAsync(db => db.Agreements.Where(a => a.RegionCode == Demo.Home && a.Kind == AgreementKind.Ksdd).ToListAsync()))
            .Where(a => AgreementStatusRules.StatusOf(a, today, 90) == AgreementStatus.Berlaku).ToList();
        var browser = new Browser(app);
        await browser.LoginAsync(Admin);
        var list = await browser.GetAsync("/Agreements?kind=ksdd&status=berlaku");
        var link = list.QuerySelector("#export-xlsx")!.GetAttribute("href")!;
        Assert.Contains("kind=ksdd", link);

        var response = await browser.Http.GetAsync(link);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".xlsx", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        var rows = SpreadsheetReader.Read("x.xlsx", new MemoryStream(await response.Content.ReadAsByteArrayAsync()), 10_000_000).Sheets[0].Rows;
        Assert.Equal(["No", "Nomor", "Nomor Pihak Mitra", "Tentang", "Jenis Kerja Sama"], rows[0].Take(5).Cast<string>());
        Assert.Equal(expected.Select(a => a.Title).Order(), rows.Skip(1).Select(r => (string)r[3]!).Order());
        Assert.All(rows.Skip(1), r => Assert.Equal("Berlaku", r[13]));
        var signed = rows.Skip(1).Single(r => (string)r[3]! == expected[0].Title)[10];
        Assert.Equal(expected[0].SignedOn!.Value.ToDateTime(TimeOnly.MinValue), Assert.IsType<DateTime>(signed));
    }

    [Fact]
    public async Task Csv_export_opens_in_indonesian_excel_and_an_export_imports_back()
    {
        var browser = new Browser(app);
        await browser.LoginAsync(Admin);
        var csv = await browser.Http.GetByteArrayAsync("/Agreements/Export?format=csv&partnerType=pt");
        Assert.Equal([0xEF, 0xBB, 0xBF], csv.Take(3));
        var text = Encoding.UTF8.GetString(csv[3..]);
        Assert.StartsWith("No;Nomor;Nomor Pihak Mitra;Tentang;", text);

        // Round trip: the exported list, imported into another region, gives the same agreements.
        var count = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length - 1;
        var plan = await app.WithDbAsync(db => ImportPlanner.PlanAsync(db, "62.13", "ekspor.csv", SpreadsheetReader.Read("ekspor.csv", new MemoryStream(csv), 10_000_000)));
        Assert.True(plan.CanSave, string.Join("\n", plan.Rows.SelectMany(r => r.Messages).Where(m => m.IsError).Select(m => m.Text)));
        Assert.Equal(count, plan.Count(ImportOutcome.Create));
    }

    [Fact]
    public async Task Api_exports_with_the_same_filters_and_imports_all_or_nothing()
    {
        var client = await ApiAsync(Admin);
        var export = await client.GetAsync("/api/v1/agreements/export?format=csv&q=sampah");
        Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Pengelolaan Sampah Regional", await export.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/agreements/export?format=pdf")).StatusCode);

        using var dry = new MultipartFormDataContent { { new ByteArrayContent(ImportSteps.Workbook("daftar-kerja-sama.xls")), "file", "daftar.xls" } };
        var dryRun = await client.PostAsync("/api/v1/imports?dryRun=true", dry);
        var result = await dryRun.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, dryRun.StatusCode);
        Assert.False(result.GetProperty("saved").GetBoolean());
        Assert.Equal(7, result.GetProperty("imported").GetInt32());
        Assert.Equal(0, await app.WithDbAsync(db => db.Agreements.CountAsync(a => a.Number == "180/012/PEM/2023")));

        using var bad = new MultipartFormDataContent { { new ByteArrayContent("Nomor;Tentang\n1/A;\n"u8.ToArray()), "file", "kosong.csv" } };
        var refused = await client.PostAsync("/api/v1/imports", bad);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Judul kerja sama kosong", await refused.Content.ReadAsStringAsync());

        var operatorClient = await ApiAsync(Demo.Accounts.DinkesOperator);
        using var again = new MultipartFormDataContent { { new ByteArrayContent("Nomor;Tentang\n1/A;X\n"u8.ToArray()), "file", "x.csv" } };
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorClient.PostAsync("/api/v1/imports", again)).StatusCode);
    }

    [Fact]
    public async Task The_workbook_opens_in_an_independent_reader_with_relative_part_names()
    {
        var registry = await app.WithDbAsync(db => db.Agreements.Where(a => a.RegionCode == Demo.Home).ToListAsync());
        var browser = new Browser(app);
        await browser.LoginAsync(Admin);
        var bytes = await browser.Http.GetByteArrayAsync("/Agreements/Export?format=xlsx");

        // Excel and LibreOffice name each part relative to the part that points at it; readers that
        // follow the package's relationships literally find nothing under an absolute "/xl/...".
        using (var zip = new ZipArchive(new MemoryStream(bytes)))
        {
            var relationships = zip.Entries.Where(e => e.FullName.EndsWith(".rels", StringComparison.Ordinal)).ToList();
            Assert.Contains(relationships, r => r.FullName == "_rels/.rels");
            foreach (var rels in relationships)
            {
                using var stream = rels.Open();
                var targets = XDocument.Load(stream).Descendants().Where(e => e.Name.LocalName == "Relationship").Select(e => e.Attribute("Target")!.Value).ToList();
                Assert.NotEmpty(targets);
                Assert.All(targets, t => Assert.False(t.StartsWith('/'), $"{rels.FullName}: {t}"));
                var folder = rels.FullName == "_rels/.rels" ? "" : rels.FullName[..rels.FullName.IndexOf("_rels/", StringComparison.Ordinal)];
                Assert.All(targets, t => Assert.NotNull(zip.GetEntry(folder + t)));
            }
        }

        // MiniExcel reads the package by its own code, not the Open XML SDK's.
        var sheet = Assert.Single(MiniExcelLibs.MiniExcel.GetSheetNames(new MemoryStream(bytes)));
        Assert.Equal("Kerja sama", sheet);
        var rows = MiniExcelLibs.MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(registry.Count, rows.Count);
        Assert.Equal(registry.Select(a => a.Title).Order(), rows.Select(r => (string)r["Tentang"]!).Order());
        var signed = registry.First(a => a.SignedOn is not null);
        Assert.Equal(signed.SignedOn!.Value.ToDateTime(TimeOnly.MinValue), rows.First(r => (string)r["Tentang"]! == signed.Title)["Tanggal Penandatanganan"]);
    }
}

public sealed class ExportTestsOnSqlite(SqliteApp app) : ExportTests<SqliteApp>(app);

public sealed class ExportTestsOnPostgres(PostgresApp app) : ExportTests<PostgresApp>(app);
