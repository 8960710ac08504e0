using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sinergi.Features.Agreements;
using Sinergi.Tests.Reports;
using Sinergi.Tests.Testing;

namespace Sinergi.Tests.Agreements;

/// <summary>
/// A partner region reads the KB it is party to, but the owner's draft PKS under that KB, and a
/// PKS with someone else, are the owner's alone: the family tree, the profile PDF and the API's
/// children list of the shared KB leave them out.
/// </summary>
public abstract class FamilyVisibilityTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SinergiApp
{
    private const string DraftTitle = "Rancangan PKS Jalur Angkutan Sungai Kahayan yang Belum Ditandatangani";
    private const string OtherTitle = "PKS Pelatihan Pemandu Wisata Susur Sungai dengan Mitra Swasta";

    private async Task<(int Kb, int Draft, int Other)> FamilyAsync() => await app.WithDbAsync(async db =>
    {
        var kb = await db.Agreements.Where(a => a.Title == Demo.Agreements.SharedWaste).Select(a => a.ParentId!.Value).SingleAsync();
        var ids = await db.Agreements.Where(a => a.ParentId == kb && (a.Title == DraftTitle || a.Title == OtherTitle)).ToDictionaryAsync(a => a.Title, a => a.Id);
        if (ids.Count == 0)
        {
            var company = await db.Partners.FirstAsync(p => p.RegionCode == Demo.Home && p.LinkedRegionCode == null);
            var neighbour = await db.Partners.FirstAsync(p => p.RegionCode == Demo.Home && p.LinkedRegionCode == Demo.PartnerRegion);
            var draft = new Agreement
            {
                RegionCode = Demo.Home, Title = DraftTitle, Kind = AgreementKind.Ksdd, DocumentType = AgreementDocumentType.PerjanjianKerjaSama,
                ParentId = kb, Lifecycle = AgreementLifecycle.Draf, Partners = [neighbour],
            };
            var other = new Agreement
            {
                RegionCode = Demo.Home, Title = OtherTitle, Number = "180/977/KS-PR/2026", Kind = AgreementKind.Ksdpk,
                DocumentType = AgreementDocumentType.PerjanjianKerjaSama, ParentId = kb, Lifecycle = AgreementLifecycle.Aktif,
                SignedOn = new DateOnly(2026, 3, 2), StartsOn = new DateOnly(2026, 3, 2), EndsOn = new DateOnly(2028, 3, 1), Partners = [company],
            };
            draft.ShareWithPartnerRegions();
            other.ShareWithPartnerRegions();
            db.Agreements.AddRange(draft, other);
            await db.SaveChangesAsync();
            ids = new() { [DraftTitle] = draft.Id, [OtherTitle] = other.Id };
        }
        return (kb, ids[DraftTitle], ids[OtherTitle]);
    });

    [Fact]
    public async Task The_partner_region_sees_the_shared_kb_family_without_the_owners_draft_or_unshared_pks()
    {
        var (kb, draft, other) = await FamilyAsync();
        var sharedPks = await app.WithDbAsync(db => db.Agreements.Where(a => a.Title == Demo.Agreements.SharedWaste).Select(a => a.Id).SingleAsync());
        bool Links(AngleSharp.Dom.IDocument page, int id) => page.QuerySelector($"a[href='/Agreements/Details/{id}']") is not null;

        var neighbour = new Browser(app);
        await neighbour.LoginAsync(Demo.Accounts.PartnerRegionAdmin);
        var page = await neighbour.GetAsync($"/Agreements/Details/{kb}");
        Assert.True(Links(page, sharedPks));
        Assert.False(Links(page, draft));
        Assert.False(Links(page, other));
        Assert.DoesNotContain(DraftTitle, page.Body!.TextContent);

        var owner = new Browser(app);
        await owner.LoginAsync(Demo.Accounts.Admin);
        var own = await owner.GetAsync($"/Agreements/Details/{kb}");
        Assert.True(Links(own, draft));
        Assert.True(Links(own, other));
    }

    [Fact]
    public async Task The_api_and_the_profile_list_only_the_children_the_caller_may_read()
    {
        var (kb, draft, other) = await FamilyAsync();
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenForAsync(Demo.Accounts.PartnerRegionAdmin));
        var children = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/agreements/{kb}")).GetProperty("childIds")
            .EnumerateArray().Select(c => c.GetInt32()).ToList();
        Assert.NotEmpty(children);
        Assert.DoesNotContain(draft, children);
        Assert.DoesNotContain(other, children);

        var pdf = PdfText.Read(await client.GetByteArrayAsync($"/api/v1/agreements/{kb}/profile.pdf"));
        Assert.True(pdf.Shows(Demo.Agreements.SharedWaste));
        Assert.False(pdf.Shows(OtherTitle));
        Assert.False(pdf.Shows(DraftTitle));

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenForAsync(Demo.Accounts.Admin));
        var ownChildren = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/agreements/{kb}")).GetProperty("childIds")
            .EnumerateArray().Select(c => c.GetInt32()).ToList();
        Assert.Contains(draft, ownChildren);
        Assert.Contains(other, ownChildren);
    }
}

public sealed class FamilyVisibilityTestsOnSqlite(SqliteApp app) : FamilyVisibilityTests<SqliteApp>(app);

public sealed class FamilyVisibilityTestsOnPostgres(PostgresApp app) : FamilyVisibilityTests<PostgresApp>(app);
