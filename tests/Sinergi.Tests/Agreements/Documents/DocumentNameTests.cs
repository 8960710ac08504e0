using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sinergi.Tests.Infrastructure.Files;
using Sinergi.Tests.Testing;

namespace Sinergi.Tests.Agreements.Documents;

/// <summary>
/// A file name is text a person reads and trusts: no right-to-left override may make a PDF look like
/// "raporfdp.exe", on the page, in the history, in the download's name, or in an import's list.
/// </summary>
public abstract class DocumentNameTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SinergiApp
{
    private const string Disguised = "rapor\u202Eexe.pdf";

    private static bool IsHostile(char c) => (char.IsControl(c) && !char.IsWhiteSpace(c)) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F';

    private Task<int> IdOfAsync(string title) =>
        app.WithDbAsync(db => db.Agreements.Where(a => a.Title == title).Select(a => a.Id).SingleAsync());

    [Fact]
    public async Task An_uploaded_name_loses_its_direction_overrides_in_the_record_the_history_and_the_download()
    {
        var id = await IdOfAsync(Demo.Agreements.Stunting);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenForAsync(Demo.Accounts.Admin));
        using var form = new MultipartFormDataContent
        {
            { new StringContent("Rapor kegiatan"), "title" },
            { new ByteArrayContent(TestFiles.Fixture("nota-kesepakatan.pdf")), "file", Disguised },
        };
        var upload = await client.PostAsync($"/api/v1/agreements/{id}/documents", form);
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        Assert.Equal("raporexe.pdf", (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("fileName").GetString());

        var download = await client.GetAsync(upload.Headers.Location);
        var disposition = download.Content.Headers.ContentDisposition!;
        Assert.Equal("raporexe.pdf", (disposition.FileNameStar ?? disposition.FileName)!.Trim('"'));
        var history = (await app.WithDbAsync(db => db.AuditEvents.Where(e => e.EntityId == id && e.Action == "Dokumen diunggah").ToListAsync()))
            .SelectMany(e => e.Changes).Select(c => c.New ?? "").ToList();
        Assert.Contains(history, h => h.Contains("raporexe.pdf", StringComparison.Ordinal));
        Assert.DoesNotContain(history, h => h.Contains('\u202E'));
    }

    [Fact]
    public async Task A_name_stored_before_the_fix_downloads_under_its_clean_name()
    {
        var id = await IdOfAsync(Demo.Agreements.SharedWaste);
        var browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.Admin);
        await DocumentSteps.UploadAsync(browser, id, "naskah.pdf", TestFiles.Fixture("nota-kesepakatan.pdf"), "Naskah lama");
        var versionId = await app.WithDbAsync(async db =>
        {
            var version = await db.DocumentVersions.Where(v => v.Document!.AgreementId == id).OrderByDescending(v => v.Id).FirstAsync();
            version.FileName = Disguised;
            await db.SaveChangesAsync();
            return version.Id;
        });

        var download = await browser.Http.GetAsync($"/Agreements/Document/{versionId}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var disposition = download.Content.Headers.ContentDisposition!;
        Assert.Equal("raporexe.pdf", (disposition.FileNameStar ?? disposition.FileName)!.Trim('"'));
    }

    [Fact]
    public async Task An_imported_file_keeps_a_clean_name_in_its_session()
    {
        var browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.Admin);
        var csv = Encoding.UTF8.GetBytes("Nomor;Tentang;Mitra;Tanggal Penandatanganan\nNM/1/2025;Kerja Sama Nama Berkas;Universitas Palangka Raya;1 Maret 2025\n");
        var preview = await ImportSteps.AwaitJobAsync(browser, await ImportSteps.UploadAsync(browser, "daftar\u202Evsc\u0007.csv", csv));
        Assert.DoesNotContain(preview.DocumentElement.TextContent, IsHostile);

        var names = await app.WithDbAsync(db => db.ImportSessions.Select(s => s.FileName).ToListAsync());
        Assert.Contains("daftarvsc.csv", names);
        Assert.DoesNotContain(names, n => n.Any(IsHostile));
    }
}

public sealed class DocumentNameTestsOnSqlite(SqliteApp app) : DocumentNameTests<SqliteApp>(app);

public sealed class DocumentNameTestsOnPostgres(PostgresApp app) : DocumentNameTests<PostgresApp>(app);
