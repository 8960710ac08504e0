using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sinergi.Audit;
using Sinergi.Cli;
using Sinergi.Features.Import;
using Sinergi.Tenancy;
using Sinergi.Tests.Testing;

namespace Sinergi.Tests.Import;

/// <summary>
/// The import's budget-lines mode on real .xlsx workbooks: the page's preview and save, the rules of the
/// manual form per row, nothing saved while a row is wrong unless the person leaves it out by name, the
/// OPD boundary, and the API and verb answering from the same rules.
/// </summary>
public abstract class BudgetImportTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SinergiApp
{
    private int ThisYear => RegionClock.Today(app.Clock, Demo.Home).Year;

    private Task<(int Id, string Number)> AgreementAsync(string title) => app.WithDbAsync(async db =>
    {
        var a = await db.Agreements.Where(a => a.RegionCode == Demo.Home && a.Title == title).Select(a => new { a.Id, a.Number }).SingleAsync();
        return (a.Id, a.Number!);
    });

    private Task<int> LinesOfAsync(int agreementId) => app.WithDbAsync(db => db.BudgetLines.CountAsync(l => l.AgreementId == agreementId));

    /// <summary>A real workbook: one sheet, the header row from the first row's keys, as spreadsheets of the OPDs have it.</summary>
    private static byte[] Workbook(params Dictionary<string, object>[] rows)
    {
        using var stream = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(stream, rows.ToList());
        return stream.ToArray();
    }

    private static async Task<AngleSharp.Dom.IDocument> UploadAsync(Browser browser, string fileName, byte[] workbook)
    {
        var page = await browser.GetAsync("/Import/Budget");
        var token = page.QuerySelector("#budget-import-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(workbook), "file", fileName },
        };
        return await browser.FollowAsync(await browser.Http.PostAsync("/Import/Budget", form));
    }

    private static string Messages(AngleSharp.Dom.IDocument page, int row) =>
        page.QuerySelector($"#budget-rows tr[data-row='{row}']")?.TextContent ?? $"(no row {row})";

    [Fact]
    public async Task A_good_workbook_saves_its_lines_on_the_agreement_with_history_and_a_new_registry_version()
    {
        var (id, number) = await AgreementAsync(Demo.Agreements.NoBudget);
        var workbook = Workbook(
            new() { ["No"] = 1, ["Nomor PKS"] = number, ["Tahun Anggaran"] = ThisYear, ["Kode Program/Kegiatan/Sub Kegiatan"] = "3.26.02.2.01",
                ["OPD"] = Demo.Opds.Disbudpar, ["Dokumen Perencanaan"] = "DPA", ["Nomor Dokumen"] = $"DPA/3.26/{ThisYear}", ["Pagu (Rp)"] = 420_000_000, ["Realisasi (Rp)"] = 105_000_000 },
            new() { ["No"] = 2, ["Nomor PKS"] = number, ["Tahun Anggaran"] = ThisYear, ["Kode Program/Kegiatan/Sub Kegiatan"] = "3.26.02.2.01.0003",
                ["OPD"] = Demo.Opds.Disbudpar, ["Dokumen Perencanaan"] = "Renja OPD", ["Nomor Dokumen"] = $"Renja/{ThisYear}", ["Pagu (Rp)"] = 80_000_000, ["Realisasi (Rp)"] = 0 });
        var version = await app.WithDbAsync(db => db.Regions.Where(r => r.Code == Demo.Home).Select(r => r.RegistryVersion).SingleAsync());
        var disbudpar = new Browser(app);
        await disbudpar.LoginAsync(Demo.Accounts.DisbudparOperator);

        var preview = await UploadAsync(disbudpar, "anggaran-disbudpar.xlsx", workbook);
        Assert.Equal(["Baru", "Baru"], preview.QuerySelectorAll("#budget-rows [data-outcome]").Select(c => c.TextContent.Trim()));
        Assert.Contains("2 akan ditambahkan", preview.Text("#budget-import-summary"));
        Assert.Equal(0, await LinesOfAsync(id));

        var saved = await disbudpar.FollowAsync(await disbudpar.SubmitAsync(preview, "#budget-save-form", []));
        Assert.Contains("2 baris anggaran dari anggaran-disbudpar.xlsx tersimpan", saved.Text("[role=status]"));
        Assert.Equal(2, await LinesOfAsync(id));
        var details = await disbudpar.GetAsync($"/Agreements/Details/{id}");
        Assert.Contains("3.26.02.2.01.0003", details.Text("#anggaran"));
        Assert.Contains("Rp420.000.000", details.Text("#anggaran"));
        var history = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.EntityType == AuditEntities.Agreement && e.EntityId == id
            && e.Action == AuditActions.BudgetLineAdded).ToListAsync());
        Assert.Equal(2, history.Count);
        Assert.All(history, e => Assert.Contains(e.Changes, c => c.Field == "Sumber" && c.New!.StartsWith("Impor anggaran-disbudpar.xlsx, baris ")));
        Assert.True(await app.WithDbAsync(db => db.Regions.Where(r => r.Code == Demo.Home).Select(r => r.RegistryVersion).SingleAsync()) > version);

        // The same file again changes nothing, and doubles nothing.
        var again = await UploadAsync(disbudpar, "anggaran-disbudpar.xlsx", workbook);
        Assert.NotNull(again.QuerySelector("#nothing-to-save"));
        Assert.Equal(2, await LinesOfAsync(id));
    }

    [Fact]
    public async Task Each_bad_row_says_what_is_wrong_in_Indonesian_and_nothing_is_saved_until_the_rows_are_left_out_by_name()
    {
        var (id, number) = await AgreementAsync(Demo.Agreements.NoBudgetToo);
        Dictionary<string, object> Row(object year, string program, string kegiatan, decimal planned, string agreement) => new()
        {
            ["Nomor Perjanjian"] = agreement, ["Tahun Anggaran"] = year, ["Kode Program"] = program, ["Kode Kegiatan"] = kegiatan,
            ["Sumber Dana"] = "APBD", ["Pagu Anggaran"] = planned, ["Realisasi"] = 0,
        };
        var workbook = Workbook(
            Row(ThisYear, "2.07.02", "2.07.02.2.01", 150_000_000, number),
            Row(ThisYear, "2.7.2", "", 150_000_000, number),
            Row(ThisYear, "2.07.02", "2.08.02.2.01", 150_000_000, number),
            Row(ThisYear, "2.07.02", "2.07.02.2.02", -5_000_000, number),
            Row(ThisYear, "2.07.02", "2.07.02.2.03", 150_000_000, "999/TIDAK-ADA/2026"),
            Row(ThisYear + 30, "2.07.02", "2.07.02.2.04", 150_000_000, number));
        var admin = new Browser(app);
        await admin.LoginAsync(Demo.Accounts.Admin);

        var preview = await UploadAsync(admin, "anggaran-salah.xlsx", workbook);
        Assert.Contains("Kode program harus berpola X.XX.XX", Messages(preview, 3));
        Assert.Contains("Kegiatan 2.08.02.2.01 tidak berada di bawah program 2.07.02", Messages(preview, 4));
        Assert.Contains("Pagu rencana tidak boleh negatif", Messages(preview, 5));
        Assert.Contains("Tidak ada kerja sama bernomor \"999/TIDAK-ADA/2026\" di daerah ini", Messages(preview, 6));
        Assert.Contains("Tahun anggaran harus di dalam masa berlaku kerja sama", Messages(preview, 7));
        Assert.Equal("Baru", preview.QuerySelector("#budget-rows tr[data-row='2'] [data-outcome]")!.TextContent.Trim());
        Assert.Contains("baris 3, 4, 5, 6, 7 bermasalah", preview.Text("#budget-not-saved"));
        Assert.Null(preview.QuerySelector("#budget-save-form"));
        Assert.DoesNotContain("ProgramCode", preview.Body!.TextContent);
        Assert.Equal(0, await LinesOfAsync(id));

        // Leaving the rows out needs the box ticked; then only the good row is saved.
        var unticked = await admin.FollowAsync(await admin.SubmitAsync(preview, "#budget-leave-out-form", []));
        Assert.Contains("Centang pernyataan", unticked.Text("#error-summary"));
        Assert.Equal(0, await LinesOfAsync(id));
        var saved = await admin.FollowAsync(await admin.SubmitAsync(preview, "#budget-leave-out-form", [new("confirmLeaveOut", "true")]));
        Assert.Contains("1 baris anggaran dari anggaran-salah.xlsx tersimpan; baris 3, 4, 5, 6, 7 tidak disimpan.", saved.Text("[role=status]"));
        Assert.Equal(1, await LinesOfAsync(id));
    }

    [Fact]
    public async Task An_OPD_operator_cannot_import_lines_of_another_OPDs_agreement_on_the_page_or_the_API()
    {
        var (id, number) = await AgreementAsync(Demo.Agreements.NoBudget);
        var workbook = Workbook(new Dictionary<string, object>
        {
            ["Nomor Perjanjian"] = number, ["Tahun Anggaran"] = ThisYear, ["Kode Rekening"] = "1.02.02.2.01", ["Pagu"] = 10_000_000, ["Realisasi"] = 0,
        });
        var before = await LinesOfAsync(id);
        var dinkes = new Browser(app);
        await dinkes.LoginAsync(Demo.Accounts.DinkesOperator);
        var preview = await UploadAsync(dinkes, "anggaran-dinkes.xlsx", workbook);
        Assert.Contains("Anda hanya dapat mengimpor anggaran kerja sama OPD Anda sendiri", Messages(preview, 2));
        Assert.Null(preview.QuerySelector("#budget-save-form"));

        var api = app.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenForAsync(Demo.Accounts.DinkesOperator));
        var answer = await api.PostAsync("/api/v1/imports/budget-lines", new MultipartFormDataContent { { new ByteArrayContent(workbook), "file", "anggaran-dinkes.xlsx" } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.StatusCode);
        var result = await answer.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(result.GetProperty("saved").GetBoolean());
        Assert.Contains("OPD Anda sendiri", result.GetProperty("rows")[0].GetProperty("messages")[0].GetProperty("text").GetString());
        Assert.Equal(before, await LinesOfAsync(id));

        // The TKKSD records no budget lines at all.
        var tkksd = app.CreateClient();
        tkksd.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenForAsync(Demo.Accounts.Tkksd));
        Assert.Equal(HttpStatusCode.Forbidden,
            (await tkksd.PostAsync("/api/v1/imports/budget-lines", new MultipartFormDataContent { { new ByteArrayContent(workbook), "file", "a.xlsx" } })).StatusCode);
    }

    [Fact]
    public async Task The_API_and_the_verb_save_a_good_workbook_by_the_same_rules()
    {
        var (id, number) = await AgreementAsync(Demo.Agreements.Ends80);
        var before = await LinesOfAsync(id);
        var admin = app.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenForAsync(Demo.Accounts.Admin));
        var good = Workbook(new Dictionary<string, object>
        {
            ["Nomor Perjanjian"] = number, ["Tahun Anggaran"] = ThisYear, ["Sumber Dana"] = "Mitra", ["Pagu"] = 25_000_000, ["Realisasi"] = 30_000_000,
        });
        // Realisation above plan without a note is refused, as on the form.
        var refused = await admin.PostAsync("/api/v1/imports/budget-lines", new MultipartFormDataContent { { new ByteArrayContent(good), "file", "mitra.xlsx" } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Realisasi melebihi pagu rencana", await refused.Content.ReadAsStringAsync());

        var path = Path.Combine(Path.GetTempPath(), $"anggaran-{Guid.NewGuid():N}.xlsx");
        await File.WriteAllBytesAsync(path, Workbook(new Dictionary<string, object>
        {
            ["Nomor Perjanjian"] = number, ["Tahun Anggaran"] = ThisYear, ["Sumber Dana"] = "Mitra", ["Pagu"] = 25_000_000, ["Realisasi"] = 20_000_000,
        }));
        try
        {
            var dry = new StringWriter();
            Assert.Equal(0, await ImportVerb.RunAsync(app.Services, VerbArguments.Parse([path, "--region", Demo.Home, "--mode", "budget", "--dry-run"]), dry));
            Assert.Contains("imported=1 updated=0 skipped=0 errors=0", dry.ToString());
            Assert.Equal(before, await LinesOfAsync(id));
            var run = new StringWriter();
            Assert.Equal(0, await ImportVerb.RunAsync(app.Services, VerbArguments.Parse([path, "--region", Demo.Home, "--mode", "budget"]), run));
            Assert.Contains($"Tersimpan ke wilayah {Demo.Home}", run.ToString());
            Assert.Equal(before + 1, await LinesOfAsync(id));
            Assert.Equal(1, await app.WithDbAsync(db => db.BudgetLines.CountAsync(l => l.AgreementId == id && l.Planned == 25_000_000 && l.Realised == 20_000_000)));
        }
        finally
        {
            File.Delete(path);
        }
    }
}

public sealed class BudgetImportTestsOnSqlite(SqliteApp app) : BudgetImportTests<SqliteApp>(app);

public sealed class BudgetImportTestsOnPostgres(PostgresApp app) : BudgetImportTests<PostgresApp>(app);
