using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Sinergi.Features.Import;
using Sinergi.Tests.Testing;

namespace Sinergi.Tests.Import;

/// <summary>
/// Lists that end as offices end them: notes and a signature block under the table, in workbooks
/// written by LibreOffice, by Python's zipfile and as CSV (Import/Workbooks/make_footers.py).
/// </summary>
public abstract class ImportFooterTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SinergiApp
{
    private Task<ImportPlan> PlanAsync(string name, byte[] bytes) => app.WithDbAsync(db =>
        ImportPlanner.PlanAsync(db, Demo.Home, name, SpreadsheetReader.Read(name, new MemoryStream(bytes), 10_000_000)));

    private Task<ImportPlan> PlanAsync(string fixture) => PlanAsync(fixture, ImportSteps.Workbook(fixture));

    private Task<ImportPlan> PlanCsvAsync(string csv) => PlanAsync("daftar.csv", System.Text.Encoding.UTF8.GetBytes(csv));

    [Theory]
    [InlineData("ttd-libreoffice.xlsx", 4, "7 baris di bawah tabel (baris 10–17) dilewati sebagai catatan atau tanda tangan, bukan kerja sama.")]
    [InlineData("ttd-python.xlsx", 3, "11 baris di bawah tabel (baris 7–20) dilewati sebagai catatan atau tanda tangan, bukan kerja sama.")]
    [InlineData("ttd-titik-koma.csv", 2, "6 baris di bawah tabel (baris 5–10) dilewati sebagai catatan atau tanda tangan, bukan kerja sama.")]
    public async Task Notes_and_signatures_under_the_table_are_left_out_and_said_once(string file, int agreements, string notice)
    {
        var plan = await PlanAsync(file);

        Assert.Null(plan.Error);
        Assert.True(plan.CanSave, string.Join("; ", plan.Rows.SelectMany(r => r.Messages).Where(m => m.IsError).Select(m => m.Text)));
        Assert.Equal(agreements, plan.Rows.Count);
        Assert.All(plan.Rows, r => Assert.Equal(ImportOutcome.Create, r.Outcome));
        Assert.Equal(notice, Assert.Single(plan.Notices, n => n.Contains("di bawah tabel")));
        Assert.DoesNotContain(plan.Rows, r => r.Title is "JUMLAH" || r.Number?.StartsWith("NIP", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task A_signature_right_of_the_table_is_not_offered_as_a_column_to_map()
    {
        var plan = await PlanAsync("ttd-python.xlsx");
        Assert.Equal(["Nomor", "Tentang", "Pihak Kedua", "Tgl. TTD", "Masa Berlaku", "OPD", "Nilai (Rp)"], plan.Header!.Columns.Select(c => c.Header));
    }

    [Fact]
    public async Task A_real_row_without_a_title_is_still_an_error_right_above_the_footer()
    {
        var plan = await PlanCsvAsync("No;Nomor;Tentang;Mitra;Tanggal\n"
            + "1;119/1/F/2025;Kerja Sama Satu;Universitas Palangka Raya;3 Maret 2025\n"
            + "2;119/2/F/2025;;Universitas Palangka Raya;4 Maret 2025\n"
            + "3;;;Universitas Palangka Raya;5 Maret 2025\n"
            + ";;;;Palangka Raya, 30 September 2026\n"
            + ";;;;ttd\n");

        Assert.Equal([2, 3, 4], plan.Rows.Select(r => r.RowNumber));
        Assert.Equal([ImportOutcome.Create, ImportOutcome.Error, ImportOutcome.Error], plan.Rows.Select(r => r.Outcome));
        Assert.Equal("Judul kerja sama kosong.", Assert.Single(plan.Rows[1].Messages, m => m.IsError).Text);
        Assert.Equal(2, plan.FooterRows);
        Assert.False(plan.CanSave);
    }

    [Fact]
    public async Task A_short_row_inside_the_table_is_a_row_of_the_table_and_blank_lines_are_passed_over()
    {
        var plan = await PlanCsvAsync("Nomor;Tentang;Mitra;Tanggal\n"
            + "119/1/G/2025;Kerja Sama Satu;Universitas Palangka Raya;3 Maret 2025\n"
            + ";;;\n"
            + ";;Universitas Palangka Raya;\n"
            + ";;;\n"
            + "119/2/G/2025;Kerja Sama Dua;Universitas Palangka Raya;4 Maret 2025\n"
            + "Keterangan: data sementara;;;\n");

        Assert.Equal([2, 4, 6], plan.Rows.Select(r => r.RowNumber));
        Assert.Equal(ImportOutcome.Error, plan.Rows[1].Outcome);
        Assert.Equal("1 baris di bawah tabel (baris 7) dilewati sebagai catatan atau tanda tangan, bukan kerja sama.", Assert.Single(plan.Notices));
    }

    [Fact]
    public async Task A_table_without_a_footer_says_nothing_about_one()
    {
        var plan = await PlanAsync("daftar-kerja-sama.xlsx");
        Assert.Equal(0, plan.FooterRows);
        Assert.Empty(plan.Notices);
        Assert.Equal(7, plan.Rows.Count);
    }

    [Fact]
    public async Task The_api_answer_says_the_footer_was_left_out()
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenForAsync(Demo.Accounts.Admin));
        using var form = new MultipartFormDataContent { { new ByteArrayContent(ImportSteps.Workbook("ttd-python.xlsx")), "file", "ttd-python.xlsx" } };
        var answer = await (await client.PostAsync("/api/v1/imports?dryRun=true", form)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(3, answer.GetProperty("imported").GetInt32());
        Assert.Equal("11 baris di bawah tabel (baris 7–20) dilewati sebagai catatan atau tanda tangan, bukan kerja sama.",
            Assert.Single(answer.GetProperty("notices").EnumerateArray()).GetString());
    }

    [Fact]
    public async Task The_preview_says_once_that_the_footer_was_left_out()
    {
        var browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.Admin);
        var preview = await ImportSteps.AwaitJobAsync(browser, await ImportSteps.UploadAsync(browser, "ttd-libreoffice.xlsx", ImportSteps.Workbook("ttd-libreoffice.xlsx")));

        Assert.Equal("4", preview.Text("[data-count='create']"));
        Assert.Equal("0", preview.Text("[data-count='error']"));
        Assert.Equal(["7 baris di bawah tabel (baris 10–17) dilewati sebagai catatan atau tanda tangan, bukan kerja sama."],
            preview.QuerySelectorAll("#import-summary [data-notice]").Select(p => p.TextContent.Trim()));
        Assert.Equal(4, preview.QuerySelectorAll("#import-rows tbody tr").Length);
        Assert.NotEmpty(preview.QuerySelectorAll("form[action*='handler=Save']"));
    }
}

public sealed class ImportFooterTestsOnSqlite(SqliteApp app) : ImportFooterTests<SqliteApp>(app);

public sealed class ImportFooterTestsOnPostgres(PostgresApp app) : ImportFooterTests<PostgresApp>(app);
