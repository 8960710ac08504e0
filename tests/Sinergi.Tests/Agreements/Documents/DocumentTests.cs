using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sinergi.Tests.Infrastructure.Files;
using Sinergi.Tests.Testing;

namespace Sinergi.Tests.Agreements.Documents;

public abstract class DocumentTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SinergiApp
{
    private const string Admin = Demo.Accounts.Admin;

    private Task<int> IdOfAsync(string title) =>
        app.WithDbAsync(db => db.Agreements.Where(a => a.Title == title).Select(a => a.Id).SingleAsync());

    private int StoredFileCount() =>
        Directory.Exists(Path.Combine(app.DataDirectory, "files"))
            ? Directory.EnumerateFiles(Path.Combine(app.DataDirectory, "files"), "*", SearchOption.AllDirectories).Count(f => !f.Contains("tmp"))
            : 0;

    [Fact]
    public async Task Uploaded_pdf_shows_its_sha256_is_found_by_its_text_and_downloads_unchanged()
    {
        var id = await IdOfAsync(Demo.Agreements.SharedWaste);
        var pdf = TestFiles.Pdf("PERJANJIAN KERJA SAMA", "Pengangkutan sampah menggunakan armada kompaktor berkapasitas delapan kubik.");
        var browser = new Browser(app);
        await browser.LoginAsync(Admin);

        var details = await DocumentSteps.UploadAsync(browser, id, "pks-sampah-ttd.pdf", pdf, "Naskah PKS bertanda tangan");
        Assert.Contains("diunggah sebagai versi 1", details.Text("[role=status]"));
        var sha = Convert.ToHexStringLower(SHA256.HashData(pdf));
        Assert.Equal(sha, details.QuerySelector(".document code.sha")!.TextContent);

        var found = await browser.GetAsync("/Agreements?q=kompaktor");
        Assert.Contains(Demo.Agreements.SharedWaste, found.Text(".agreement-table"));

        var link = details.QuerySelector(".document a[href^='/Agreements/Document/']")!.GetAttribute("href")!;
        var download = await browser.Http.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Contains("Dokumen diunggah", details.Text("#history li:first-child"));

        var stranger = new Browser(app);
        await stranger.LoginAsync(Demo.Accounts.ProvinceAdmin);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Http.GetAsync(link)).StatusCode);
    }

    [Fact]
    public async Task A_new_version_keeps_the_earlier_one()
    {
        var id = await IdOfAsync("Penyediaan Air Bersih Lintas Wilayah");
        var browser = new Browser(app);
        await browser.LoginAsync(Admin);
        var first = await DocumentSteps.UploadAsync(browser, id, "perjanjian.docx", TestFiles.Docx("Draf pertama jaringan pipa"), "Naskah perjanjian");
        var documentId = int.Parse(first.QuerySelector(".document")!.GetAttribute("data-document-id")!);
        var second = await DocumentSteps.UploadAsync(browser, id, "perjanjian-final.docx", TestFiles.Docx("Naskah final jaringan pipa distribusi"), documentId: documentId);

        Assert.Contains("versi 2", second.Text(".document .badge"));
        Assert.Contains("perjanjian.docx", second.Text(".document details"));
        var versions = await app.WithDbAsync(db => db.DocumentVersions.Where(v => v.DocumentId == documentId).OrderBy(v => v.Number).Select(v => v.FileName).ToListAsync());
        Assert.Equal(["perjanjian.docx", "perjanjian-final.docx"], versions);
    }

    [Fact]
    public async Task Renamed_program_empty_file_and_oversized_file_are_refused_and_nothing_is_kept()
    {
        var id = await IdOfAsync("Paket Wisata Susur Sungai Bersama");
        var browser = new Browser(app);
        await browser.LoginAsync(Admin);
        var before = (await app.WithDbAsync(db => db.DocumentVersions.CountAsync()), StoredFileCount());
        var limit = app.Services.GetRequiredService<IOptions<Sinergi.Infrastructure.Files.UploadOptions>>().Value.MaxBytes;

        var exe = await DocumentSteps.UploadAsync(browser, id, "laporan.pdf", TestFiles.WindowsProgram(), "Laporan");
        Assert.Contains("bukan PDF yang sah", exe.Text("#upload-form"));
        var empty = await DocumentSteps.UploadAsync(browser, id, "kosong.pdf", [], "Kosong");
        Assert.Contains("kosong", empty.Text("#upload-form"));
        var big = new byte[limit + 1];
        "%PDF-1.4"u8.CopyTo(big);
        var oversized = await DocumentSteps.UploadAsync(browser, id, "besar.pdf", big, "Besar");
        Assert.Contains("melebihi batas 1 MB", oversized.Text("#upload-form"));

        Assert.Equal(before, (await app.WithDbAsync(db => db.DocumentVersions.CountAsync()), StoredFileCount()));
    }

    [Fact]
    public async Task Api_uploads_and_downloads_documents_for_the_region_only()
    {
        var id = await IdOfAsync("Penerangan Jalan Umum dan Efisiensi Energi");
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenForAsync(Admin));
        using var form = new MultipartFormDataContent
        {
            { new StringContent("Lampiran rencana kerja"), "title" },
            { new ByteArrayContent(TestFiles.Fixture("anggaran.xlsx")), "file", "anggaran.xlsx" },
        };
        var upload = await client.PostAsync($"/api/v1/agreements/{id}/documents", form);
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var download = await client.GetAsync(upload.Headers.Location);
        Assert.Equal(TestFiles.Fixture("anggaran.xlsx"), await download.Content.ReadAsByteArrayAsync());

        using var bad = new MultipartFormDataContent { { new StringContent("x"), "title" }, { new ByteArrayContent(TestFiles.WindowsProgram()), "file", "x.xlsx" } };
        var refused = await client.PostAsync($"/api/v1/agreements/{id}/documents", bad);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("bukan XLSX yang sah", await refused.Content.ReadAsStringAsync());

        var other = app.CreateClient();
        other.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenForAsync(Demo.Accounts.PartnerRegionAdmin));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(upload.Headers.Location)).StatusCode);
    }
}

public sealed class DocumentTestsOnSqlite(SqliteApp app) : DocumentTests<SqliteApp>(app);

public sealed class DocumentTestsOnPostgres(PostgresApp app) : DocumentTests<PostgresApp>(app);
