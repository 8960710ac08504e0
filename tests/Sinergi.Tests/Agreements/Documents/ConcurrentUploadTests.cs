using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sinergi.Audit;
using Sinergi.Tests.Infrastructure.Files;
using Sinergi.Tests.Testing;

namespace Sinergi.Tests.Agreements.Documents;

/// <summary>Uploads racing on one agreement: every one lands, none is lost with a 500.</summary>
public abstract class ConcurrentUploadTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SinergiApp
{
    private const int Uploads = 6;

    private Task<int> IdOfAsync(string title) =>
        app.WithDbAsync(db => db.Agreements.Where(a => a.Title == title).Select(a => a.Id).SingleAsync());

    private async Task<HttpClient> ApiAsync()
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenForAsync(Demo.Accounts.Admin));
        return client;
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, int agreementId, int n, int? documentId = null)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(TestFiles.Docx($"Lampiran serentak nomor {n}")), "file", $"serentak-{n}.docx" } };
        form.Add(documentId is int existing ? new StringContent(existing.ToString()) : new StringContent($"Lampiran serentak {n}"), documentId is null ? "title" : "documentId");
        return client.PostAsync($"/api/v1/agreements/{agreementId}/documents", form);
    }

    [Fact]
    public async Task Six_new_documents_uploaded_at_once_all_land_with_their_history()
    {
        var id = await IdOfAsync("Penerangan Jalan Umum dan Efisiensi Energi");
        var client = await ApiAsync();
        var before = await app.WithDbAsync(db => db.AgreementDocuments.CountAsync(d => d.AgreementId == id));

        var answers = await Task.WhenAll(Enumerable.Range(1, Uploads).Select(n => UploadAsync(client, id, n)));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        Assert.Equal(before + Uploads, await app.WithDbAsync(db => db.AgreementDocuments.CountAsync(d => d.AgreementId == id)));
        var uploaded = await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.EntityType == AuditEntities.Agreement && e.EntityId == id && e.Action == AuditActions.DocumentUploaded));
        Assert.Equal(Uploads, uploaded);
    }

    [Fact]
    public async Task Six_new_versions_of_one_document_uploaded_at_once_get_six_numbers()
    {
        var id = await IdOfAsync("Pengembangan Kota Cerdas dan Jaringan Internet Publik");
        var client = await ApiAsync();
        var first = await UploadAsync(client, id, 0);
        var documentId = await app.WithDbAsync(db => db.DocumentVersions.Where(v => v.Document!.AgreementId == id && v.FileName == "serentak-0.docx")
            .Select(v => v.DocumentId).SingleAsync());

        var answers = await Task.WhenAll(Enumerable.Range(1, Uploads).Select(n => UploadAsync(client, id, n, documentId)));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        var numbers = await Task.WhenAll(answers.Select(async a => (await a.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetInt32()));
        Assert.Equal(Enumerable.Range(2, Uploads), numbers.Order());
        var files = await app.WithDbAsync(db => db.DocumentVersions.Where(v => v.DocumentId == documentId).OrderBy(v => v.Number).Select(v => v.FileName).ToListAsync());
        Assert.Equal(Uploads + 1, files.Count);
        Assert.Equal(Enumerable.Range(0, Uploads + 1).Select(n => $"serentak-{n}.docx").Order(), files.Order());
    }
}

public sealed class ConcurrentUploadTestsOnSqlite(SqliteApp app) : ConcurrentUploadTests<SqliteApp>(app);

public sealed class ConcurrentUploadTestsOnPostgres(PostgresApp app) : ConcurrentUploadTests<PostgresApp>(app);
