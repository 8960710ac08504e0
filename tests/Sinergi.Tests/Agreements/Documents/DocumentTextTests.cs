using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sinergi.Features.Agreements.Documents;
using Sinergi.Infrastructure.Files;
using Sinergi.Tests.Infrastructure.Files;
using Sinergi.Tests.Testing;

namespace Sinergi.Tests.Agreements.Documents;

/// <summary>Uploads are answered at once; their text is read in the background, within limits, and then found.</summary>
public abstract class DocumentTextTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SinergiApp
{
    private const string Admin = Demo.Accounts.Admin;

    private Task<int> IdOfAsync(string title) =>
        app.WithDbAsync(db => db.Agreements.Where(a => a.Title == title).Select(a => a.Id).SingleAsync());

    private async Task<HttpClient> ApiAsync()
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenForAsync(Admin));
        return client;
    }

    private static int Found(AngleSharp.Dom.IDocument list) => list.QuerySelectorAll(".agreement-table tbody tr").Length;

    [Fact]
    public async Task The_api_answers_an_upload_before_its_text_is_read_and_its_words_are_found_once_it_is()
    {
        var id = await IdOfAsync(Demo.Agreements.Stunting);
        var client = await ApiAsync();
        using var form = new MultipartFormDataContent
        {
            { new StringContent("Laporan posyandu"), "title" },
            { new ByteArrayContent(TestFiles.Docx("Pendampingan posyandu kelurahan Menteng oleh mahasiswa")), "file", "posyandu.docx" },
        };

        var upload = await client.PostAsync($"/api/v1/agreements/{id}/documents", form);

        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        Assert.Equal("pending", (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("textState").GetString());
        await DocumentSteps.TextsReadAsync(app);
        var agreement = await (await client.GetAsync($"/api/v1/agreements/{id}")).Content.ReadFromJsonAsync<JsonElement>();
        var version = agreement.GetProperty("documents").EnumerateArray().Single(d => d.GetProperty("title").GetString() == "Laporan posyandu").GetProperty("versions")[0];
        Assert.Equal("done", version.GetProperty("textState").GetString());
        var found = await (await client.GetAsync("/api/v1/agreements?q=posyandu%20menteng")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(id, found.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task A_document_past_a_limit_stays_downloadable_and_says_its_text_was_not_read_whole()
    {
        var id = await IdOfAsync("Penyediaan Air Bersih Lintas Wilayah");
        var docx = HostileFiles.LongRunDocx(characters: 3_000_000, words: "Lampiran teknis reservoir Tangkiling");
        var browser = new Browser(app);
        await browser.LoginAsync(Admin);

        var answer = await DocumentSteps.UploadAsync(browser, id, "lampiran-panjang.docx", docx, "Lampiran panjang");
        Assert.Contains("Teksnya sedang dibaca; isinya dapat dicari setelah selesai.", answer.Text("[role=status]"));

        var details = await browser.GetAsync($"/Agreements/Details/{id}");
        var document = details.QuerySelectorAll(".document").Single(d => d.TextContent.Contains("Lampiran panjang"));
        Assert.Equal("Teks tidak dapat dibaca seluruhnya: ada bagian teks yang lebih panjang dari 100.000 karakter. Bagian yang terbaca ikut dicari; berkasnya tetap utuh dan dapat diunduh.",
            document.QuerySelector("[data-text-state='Partial']")!.TextContent.Trim());
        Assert.Null(details.QuerySelector("#document-list[hx-trigger]"));
        var link = document.QuerySelector("a[href^='/Agreements/Document/']")!.GetAttribute("href")!;
        Assert.Equal(docx, await browser.Http.GetByteArrayAsync(link));
        Assert.Equal(1, Found(await browser.GetAsync("/Agreements?q=reservoir%20tangkiling")));
    }

    [Fact]
    public async Task A_pdf_that_inflates_a_thousandfold_is_stored_and_its_first_page_found()
    {
        var id = await IdOfAsync("Paket Wisata Susur Sungai Bersama");
        var pdf = HostileFiles.InflatingPdf(inflatedBytes: 100L * 1024 * 1024, words: "Dermaga wisata Kereng Bangkirai");
        var client = await ApiAsync();
        using var form = new MultipartFormDataContent { { new StringContent("Peta dermaga"), "title" }, { new ByteArrayContent(pdf), "file", "dermaga.pdf" } };

        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync($"/api/v1/agreements/{id}/documents", form)).StatusCode);
        await DocumentSteps.TextsReadAsync(app);

        var version = await app.WithDbAsync(db => db.DocumentVersions.SingleAsync(v => v.Document!.AgreementId == id && v.FileName == "dermaga.pdf"));
        Assert.Equal(DocumentTextState.Partial, version.TextState);
        Assert.Equal("isinya setelah dibuka melebihi 64,0 MB", version.TextNote);
        Assert.Equal("Dermaga wisata Kereng Bangkirai", version.Text);
        var browser = new Browser(app);
        await browser.LoginAsync(Admin);
        Assert.Equal(1, Found(await browser.GetAsync("/Agreements?q=kereng%20bangkirai")));
    }

    [Fact]
    public async Task Versions_a_restart_left_unread_are_read_when_the_app_starts_again()
    {
        var id = await IdOfAsync(Demo.Agreements.SharedWaste);
        var docx = TestFiles.Docx("Jadwal pengangkutan residu insinerator Tanjung Pinang");
        // What an upload leaves behind when the node stops before its text is read: the file and a pending version.
        var stored = await app.Services.GetRequiredService<FileStore>().SaveAsync(new MemoryStream(docx));
        await app.WithDbAsync(async db =>
        {
            var agreement = await db.Agreements.Include(a => a.Documents).SingleAsync(a => a.Id == id);
            agreement.Documents.Add(new AgreementDocument
            {
                Title = "Jadwal terputus",
                Versions = [new DocumentVersion
                {
                    Number = 1, FileName = "jadwal.docx", ContentType = DocumentKind.Docx.ContentType(), Size = stored.Length, Sha256 = stored.Sha256,
                    TextState = DocumentTextState.Pending, UploadedAt = db.UtcNow, UploadedByName = "Uji mulai ulang",
                }],
            });
            await db.SaveChangesAsync();
        });

        using var restarted = app.AnotherNode();
        await DocumentSteps.TextsReadAsync(restarted);

        Assert.Equal(DocumentTextState.Done, await app.WithDbAsync(db => db.DocumentVersions.Where(v => v.FileName == "jadwal.docx").Select(v => v.TextState).SingleAsync()));
        var browser = new Browser(app);
        await browser.LoginAsync(Admin);
        Assert.Equal(1, Found(await browser.GetAsync("/Agreements?q=insinerator%20residu")));
    }
}

public sealed class DocumentTextTestsOnSqlite(SqliteApp app) : DocumentTextTests<SqliteApp>(app);

public sealed class DocumentTextTestsOnPostgres(PostgresApp app) : DocumentTextTests<PostgresApp>(app);
