using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Sinergi.Tests.Infrastructure.Files;
using Sinergi.Tests.Testing;

namespace Sinergi.Tests.Agreements.Registry;

/// <summary>
/// A region that is party to another region's agreement reads it once it is signed, not while
/// it is a draft: not in its list, its counts, its search, the detail page, the documents or the API.
/// </summary>
public abstract class DraftSharingTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SinergiApp
{
    private const string Search = "/Agreements?q=angkutan+sungai+antardaerah";

    [Fact]
    public async Task A_partner_region_sees_a_draft_only_once_it_is_signed()
    {
        var id = await app.WithDbAsync(db => db.Agreements.Where(a => a.Title == Demo.Agreements.SharedDraft).Select(a => a.Id).SingleAsync());
        var owner = new Browser(app);
        await owner.LoginAsync(Demo.Accounts.Admin);
        await DocumentSteps.UploadAsync(owner, id, "rancangan.pdf", TestFiles.Fixture("nota-kesepakatan.pdf"), "Rancangan KB");
        var version = await app.WithDbAsync(db => db.DocumentVersions.Where(v => v.Document!.AgreementId == id).Select(v => v.Id).SingleAsync());

        var partner = new Browser(app);
        await partner.LoginAsync(Demo.Accounts.PartnerRegionAdmin);
        var api = app.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenForAsync(Demo.Accounts.PartnerRegionAdmin));
        var link = $".agreement-table a[href='/Agreements/Details/{id}']";

        var list = await partner.GetAsync("/Agreements");
        Assert.Empty(list.QuerySelectorAll(link));
        Assert.Equal("0", list.QuerySelector("[data-count-for='draf'] .badge")?.TextContent ?? "0");
        Assert.Empty((await partner.GetAsync(Search)).QuerySelectorAll(link));
        await partner.GetAsync($"/Agreements/Details/{id}");
        Assert.Equal(HttpStatusCode.NotFound, partner.Last!.StatusCode);
        await partner.GetAsync($"/Agreements/Document/{version}");
        Assert.Equal(HttpStatusCode.NotFound, partner.Last!.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/agreements/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/documents/{version}")).StatusCode);
        Assert.DoesNotContain($"\"id\":{id},", await api.GetStringAsync("/api/v1/agreements/?q=angkutan+sungai"));

        var form = await owner.GetAsync($"/Agreements/Edit/{id}");
        var signed = await owner.FollowAsync(await owner.SubmitAsync(form, "#agreement-form",
            [new("Input.Number", "180/990/KS-PR/2026"), new("Input.SignedOn", "2026-03-02"), new("Input.DurationYears", "5"), new("Input.Save", "final")]));
        Assert.Contains("Perubahan disimpan", signed.Text("[role=status]"));

        // The list was read (and kept) before the signing: it shows the agreement at once all the same.
        Assert.Single((await partner.GetAsync("/Agreements")).QuerySelectorAll(link));
        Assert.Single((await partner.GetAsync(Search)).QuerySelectorAll(link));
        await partner.GetAsync($"/Agreements/Details/{id}");
        Assert.Equal(HttpStatusCode.OK, partner.Last!.StatusCode);
        await partner.GetAsync($"/Agreements/Document/{version}");
        Assert.Equal(HttpStatusCode.OK, partner.Last!.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/agreements/{id}")).StatusCode);
        Assert.Equal(TestFiles.Fixture("nota-kesepakatan.pdf"), await api.GetByteArrayAsync($"/api/v1/documents/{version}"));
        Assert.Contains($"\"id\":{id},", await api.GetStringAsync("/api/v1/agreements/?q=angkutan+sungai"));
    }
}

public sealed class DraftSharingTestsOnSqlite(SqliteApp app) : DraftSharingTests<SqliteApp>(app);

public sealed class DraftSharingTestsOnPostgres(PostgresApp app) : DraftSharingTests<PostgresApp>(app);
