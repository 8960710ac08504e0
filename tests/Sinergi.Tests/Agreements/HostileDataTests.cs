using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Sinergi.Features.Agreements;
using Sinergi.Features.Agreements.Registry;
using Sinergi.Features.Import;
using Sinergi.Features.Partners;
using Sinergi.Features.Reports;
using Sinergi.Tenancy;
using Sinergi.Tests.Reports;
using Sinergi.Tests.Testing;

namespace Sinergi.Tests.Agreements;

/// <summary>
/// Values that no form accepts today but that an older version, a script or a database tool left
/// behind: dates at the ends of the calendar, control characters and bidi overrides in text. They
/// are written straight into the database, past every draft, and every page, export and report
/// that shows them must still answer.
/// </summary>
public abstract class HostileDataTests<TApp>(TApp app) : IClassFixture<TApp>, IAsyncLifetime where TApp : SinergiApp
{
    private const string Admin = Demo.Accounts.Admin;
    private const string HostileTitle = "Jembatan\u0001 Antar \u0007Daerah \u202Eexe.ftp\u001B";
    /// <summary>What a reader of an export or a report sees of <see cref="HostileTitle"/>.</summary>
    private const string ShownTitle = "Jembatan Antar Daerah exe.ftp";

    private int _id;
    private int _partnerId;

    public async Task InitializeAsync()
    {
        (_id, _partnerId) = await app.WithDbAsync(async db =>
        {
            if (await db.Agreements.SingleOrDefaultAsync(a => a.Title == HostileTitle) is { } existing)
                return (existing.Id, await db.Partners.Where(p => p.Name.StartsWith("PT Gelap")).Select(p => p.Id).SingleAsync());
            var partner = new Partner
            {
                RegionCode = Demo.Home, Type = PartnerType.Swasta, Name = "PT Gelap\u0002 Gulita\u202E", NormalizedName = "gelap gulita",
                Address = "Jl. \u0003Ular\nNo. \u00071", ContactName = "Ibu\u200F Dewi", Latitude = db.Database.IsNpgsql() ? double.NaN : null,
                Longitude = db.Database.IsNpgsql() ? double.PositiveInfinity : null,
            };
            var agreement = new Agreement
            {
                RegionCode = Demo.Home, Kind = AgreementKind.Ksdpk, DocumentType = AgreementDocumentType.KesepakatanBersama,
                Number = "ANEH/\u0008/0050", PartnerNumber = "\u202Dmitra\u0004", Title = HostileTitle, Scope = "Baris\u000Bsatu\nbaris\u0001 dua",
                SignedOn = new DateOnly(50, 6, 15), StartsOn = new DateOnly(50, 6, 15), EndsOn = DateOnly.MaxValue,
                Value = 999_999_999_999_999_999m, DprdApprovalRequired = true, DprdApprovedOn = DateOnly.MinValue,
                DprdApprovalNumber = "\u0005", Lifecycle = AgreementLifecycle.Aktif,
                Opds = [await db.Opds.SingleAsync(o => o.RegionCode == Demo.Home && o.ShortName == Demo.Opds.Dinkes)],
                Urusan = [await db.Urusan.SingleAsync(u => u.Code == "1.02")],
                Partners = [partner],
            };
            db.Agreements.Add(agreement);
            await db.SaveChangesAsync();
            await SearchIndex.RefreshAsync(db, agreement);
            await db.SaveChangesAsync();
            return (agreement.Id, partner.Id);
        });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<Browser> AdminAsync()
    {
        var browser = new Browser(app);
        await browser.LoginAsync(Admin);
        return browser;
    }

    private async Task<HttpClient> ApiAsync()
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenForAsync(Admin));
        return client;
    }

    private static async Task<byte[]> OkAsync(HttpResponseMessage response, string what)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{what}: {(int)response.StatusCode}");
        return await response.Content.ReadAsByteArrayAsync();
    }

    [Fact]
    public async Task Every_xlsx_export_of_the_region_answers_and_shows_the_values_cleaned()
    {
        var browser = await AdminAsync();
        var client = await ApiAsync();
        foreach (var (what, bytes) in new[]
        {
            ("page", await OkAsync(await browser.Http.GetAsync("/Agreements/Export?format=xlsx"), "page xlsx")),
            ("api", await OkAsync(await client.GetAsync("/api/v1/agreements/export"), "api xlsx")),
        })
        {
            var rows = SpreadsheetReader.Read("x.xlsx", new MemoryStream(bytes), 50_000_000).Sheets.Single().Rows;
            var row = rows.Single(r => r[3] as string == ShownTitle);
            Assert.Equal("ANEH//0050", row[1]);
            // Excel has no day before 1900: the date is written as text a person can still read.
            Assert.Equal("15 Juni 0050", row[10]);
            Assert.Equal(new DateTime(9999, 12, 31), row[12]);
            Assert.Equal("PT Gelap Gulita", row[6]);
            Assert.Equal("Baris satu\nbaris dua", row[17]);
            Assert.True(rows.Count > 30, what);
        }
    }

    [Fact]
    public async Task Csv_exports_answer_without_the_control_characters()
    {
        var browser = await AdminAsync();
        var client = await ApiAsync();
        foreach (var bytes in new[]
        {
            await OkAsync(await browser.Http.GetAsync("/Agreements/Export?format=csv"), "page csv"),
            await OkAsync(await client.GetAsync("/api/v1/agreements/export?format=csv"), "api csv"),
        })
        {
            var text = System.Text.Encoding.UTF8.GetString(bytes);
            Assert.Contains($";{ShownTitle};", text);
            Assert.Contains("15-06-0050", text);
            Assert.DoesNotContain(text, c => char.IsControl(c) && c is not ('\r' or '\n'));
            Assert.DoesNotContain('\u202E', text);
        }
    }

    [Fact]
    public async Task The_period_report_page_and_pdf_and_the_profile_answer()
    {
        var today = RegionClock.Today(TimeProvider.System, Demo.Home);
        var period = ReportPeriod.Current(today);
        var browser = await AdminAsync();
        var client = await ApiAsync();

        var page = await browser.GetAsync($"/Reports/Period?year={period.Year}&period={period.Slug}");
        Assert.Equal(HttpStatusCode.OK, browser.Last!.StatusCode);
        Assert.Contains("Jembatan", page.Text("main"));
        foreach (var (what, url, viaApi) in new[]
        {
            ("report pdf", $"/Reports/Period?year={period.Year}&period={period.Slug}&handler=pdf", false),
            ("report api pdf", $"/api/v1/reports/period?year={period.Year}&period={period.Slug}&format=pdf", true),
            ("profile pdf", $"/Agreements/Profile/{_id}", false),
            ("profile api pdf", $"/api/v1/agreements/{_id}/profile.pdf", true),
        })
        {
            var pdf = PdfText.Read(await OkAsync(await (viaApi ? client : browser.Http).GetAsync(url), what));
            Assert.True(pdf.Shows(ShownTitle), what);
            Assert.True(pdf.Shows("15 Juni 0050"), what);
        }
        await OkAsync(await client.GetAsync($"/api/v1/reports/period?year={period.Year}&period={period.Slug}"), "report json");
    }

    [Fact]
    public async Task Pages_and_api_reads_that_show_the_agreement_answer()
    {
        var browser = await AdminAsync();
        foreach (var url in new[]
        {
            "/", "/Agreements", "/Agreements?sort=berakhir", "/Agreements?status=berlaku", $"/Agreements?q=Jembatan", $"/Agreements/Details/{_id}",
            $"/Agreements/Edit/{_id}", $"/Agreements/Edit?extends={_id}", $"/Agreements/Edit?parent={_id}&type=pks",
            $"/Agreements/Terminate/{_id}", $"/Agreements/Delete/{_id}", "/Partners", $"/Partners/Edit/{_partnerId}", "/Reports",
        })
        {
            await browser.GetAsync(url);
            Assert.True(browser.Last!.StatusCode == HttpStatusCode.OK, $"{url}: {(int)browser.Last.StatusCode}");
        }
        var extension = await browser.GetAsync($"/Agreements/Edit?extends={_id}");
        Assert.Equal("", extension.QuerySelector("#Input_StartsOn")!.GetAttribute("value") ?? "");

        var client = await ApiAsync();
        foreach (var url in new[]
        {
            $"/api/v1/agreements/{_id}", "/api/v1/agreements?sort=berakhir", $"/api/v1/agreements/{_id}/history", $"/api/v1/partners/{_partnerId}",
            "/api/v1/partners?q=gelap",
        })
            await OkAsync(await client.GetAsync(url), url);
    }

    [Fact]
    public async Task The_import_report_answers_whatever_the_preview_holds()
    {
        var preview = new ImportPreview("daftar\u0001.xlsx", "Lembar\u0002", ["Lembar\u0002"], 0, [], new Dictionary<int, ImportField>(), [],
            [new ImportPreview.Row(2, "NO\u0003/1", HostileTitle, ImportOutcome.Error, ["Mitra\u0004"], ["OPD\u0005"],
                [new ImportMessage("Tanggal\u0006", "Tidak dapat membaca \"15\u0001 Januari\" sebagai tanggal.", true)])],
            [], [], null, "imported=0 updated=0 skipped=0 errors=1", false);
        var sessionId = await app.WithDbAsync(async db =>
        {
            var session = new ImportSession
            {
                Id = Guid.NewGuid(), RegionCode = Demo.Home, UserName = "Admin", FileName = "daftar\u0001.xlsx", Sha256 = new string('0', 64),
                Status = ImportStatus.Siap, PreviewJson = preview.ToJson(),
            };
            db.ImportSessions.Add(session);
            await db.SaveChangesAsync();
            return session.Id;
        });

        var browser = await AdminAsync();
        await browser.GetAsync($"/Import/Session/{sessionId}");
        Assert.Equal(HttpStatusCode.OK, browser.Last!.StatusCode);
        var report = await OkAsync(await browser.Http.GetAsync($"/Import/Session/{sessionId}?handler=Report"), "import report");
        var row = SpreadsheetReader.Read("r.xlsx", new MemoryStream(report), 10_000_000).Sheets.Single().Rows[1];
        Assert.Equal(ShownTitle, row[2]);
        Assert.Equal("Tanggal: Tidak dapat membaca \"15 Januari\" sebagai tanggal.", row[6]);
    }
}

public sealed class HostileDataTestsOnSqlite(SqliteApp app) : HostileDataTests<SqliteApp>(app);

public sealed class HostileDataTestsOnPostgres(PostgresApp app) : HostileDataTests<PostgresApp>(app);
