using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Sinergi.Features.Monitoring;
using Sinergi.Tests.Infrastructure.Files;
using Sinergi.Tests.Testing;

namespace Sinergi.Tests.Monitoring;

/// <summary>Evidence files of a report draft through the API: the same checks and boundaries as the report page.</summary>
public abstract class EvidenceApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SinergiApp
{
    private async Task<HttpClient> ApiAsync(string email)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenForAsync(email));
        return client;
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient api, string url, string name, byte[] bytes)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", name } };
        return api.PostAsync(url, form);
    }

    [Fact]
    public async Task A_pdf_is_attached_to_the_draft_listed_on_the_report_and_removed_again_while_a_program_renamed_pdf_is_refused()
    {
        var id = await MonevSteps.AgreementAsync(app, "Bukti lewat API", MonevSteps.Today.AddDays(-400), MonevSteps.Today.AddDays(300));
        var period = await MonevSteps.DuePeriodAsync(app, id);
        var url = $"/api/v1/agreements/{id}/periods/{period.Code}/implementation/evidence";
        var api = await ApiAsync(Demo.Accounts.DinkesOperator);

        var refused = await UploadAsync(api, url, "foto.pdf", TestFiles.WindowsProgram());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("bukan PDF yang sah", await refused.Content.ReadAsStringAsync());
        Assert.Equal(0, await app.WithDbAsync(db => db.ImplementationReports.CountAsync(r => r.AgreementId == id)));

        var attached = await UploadAsync(api, url, "daftar-hadir.pdf", TestFiles.Pdf("DAFTAR HADIR", "Sosialisasi kader posyandu"));
        Assert.Equal(HttpStatusCode.Created, attached.StatusCode);
        var listed = await api.GetFromJsonAsync<List<MonevApi.EvidenceDto>>(url);
        var file = Assert.Single(listed!);
        Assert.Equal("daftar-hadir.pdf", file.FileName);

        var browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.DinkesOperator);
        var page = await browser.GetAsync(ReportModel.Link(id, period.Code));
        Assert.Contains("daftar-hadir.pdf", page.Text(".evidence"));
        var report = await api.GetStringAsync($"/api/v1/agreements/{id}/periods/{period.Code}/implementation");
        Assert.Contains($"/api/v1/documents/{file.DocumentVersionId}", report);

        var removed = await api.DeleteAsync($"{url}?versionId={file.DocumentVersionId}");
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Empty((await api.GetFromJsonAsync<List<MonevApi.EvidenceDto>>(url))!);
        Assert.Null((await browser.GetAsync(ReportModel.Link(id, period.Code))).QuerySelector(".evidence"));
        // The file stays among the agreement's documents.
        Assert.Contains("daftar-hadir.pdf", (await browser.GetAsync($"/Agreements/Details/{id}")).Text("#dokumen"));
    }

    [Fact]
    public async Task Another_opds_operator_cannot_attach_or_remove_evidence()
    {
        var id = await MonevSteps.AgreementAsync(app, "Bukti OPD lain", MonevSteps.Today.AddDays(-400), MonevSteps.Today.AddDays(300), Demo.Opds.Disbudpar);
        var period = await MonevSteps.DuePeriodAsync(app, id);
        var url = $"/api/v1/agreements/{id}/periods/{period.Code}/implementation/evidence";
        var own = await UploadAsync(await ApiAsync(Demo.Accounts.DisbudparOperator), url, "foto-kegiatan.pdf", TestFiles.Pdf("FOTO KEGIATAN"));
        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
        var versionId = (await own.Content.ReadFromJsonAsync<List<MonevApi.EvidenceDto>>())!.Single().DocumentVersionId;

        var other = await ApiAsync(Demo.Accounts.DinkesOperator);
        var upload = await UploadAsync(other, url, "lain.pdf", TestFiles.Pdf("LAIN"));
        Assert.Equal(HttpStatusCode.Forbidden, upload.StatusCode);
        var remove = await other.DeleteAsync($"{url}?versionId={versionId}");
        Assert.Equal(HttpStatusCode.Forbidden, remove.StatusCode);
        var evidence = await app.WithDbAsync(db => db.ImplementationReports.Where(r => r.AgreementId == id).SelectMany(r => r.Evidence).CountAsync());
        Assert.Equal(1, evidence);
    }
}

public sealed class EvidenceApiTestsOnSqlite(SqliteApp app) : EvidenceApiTests<SqliteApp>(app);

public sealed class EvidenceApiTestsOnPostgres(PostgresApp app) : EvidenceApiTests<PostgresApp>(app);
