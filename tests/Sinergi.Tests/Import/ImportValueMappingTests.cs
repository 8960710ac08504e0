using Microsoft.EntityFrameworkCore;
using Sinergi.Features.Agreements;
using Sinergi.Features.Import;
using Sinergi.Tests.Testing;

namespace Sinergi.Tests.Import;

/// <summary>Names of OPDs and partners written otherwise than the directory has them: suggested on the preview, mapped by the admin, used when saving.</summary>
public abstract class ImportValueMappingTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SinergiApp
{
    private const string Csv = "Nomor;Tentang;Mitra;Tanggal;OPD\n"
        + "119/1/V/2025;Festival Budaya Sungai;Univ. Palangka Raya;3 Maret 2025;Dinas Pariwisata\n"
        + "119/2/V/2025;Promosi Wisata Kuliner;PT Kuliner Nusantara Jaya;4 Maret 2025;Dinas Pariwisata\n";

    private Task<ImportPlan> PlanAsync(ImportValueMapping? values = null) => app.WithDbAsync(db =>
        ImportPlanner.PlanAsync(db, Demo.Home, "nilai.csv", SpreadsheetReader.Read("nilai.csv", new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Csv)), 1_000_000), values: values));

    private Task<int> OpdIdAsync(string region, string shortName) =>
        app.WithDbAsync(db => db.Opds.IgnoreQueryFilters().Where(o => o.RegionCode == region && o.ShortName == shortName).Select(o => o.Id).SingleAsync());

    [Fact]
    public async Task New_names_come_with_near_matches_and_a_mapped_name_is_read_as_the_entry_chosen()
    {
        var disbudpar = await OpdIdAsync(Demo.Home, Demo.Opds.Disbudpar);
        var upr = await app.WithDbAsync(db => db.Partners.Where(p => p.RegionCode == Demo.Home && p.Name == "Universitas Palangka Raya").Select(p => p.Id).SingleAsync());

        var plan = await PlanAsync();
        Assert.Equal(["Dinas Pariwisata"], plan.NewOpds.Select(o => o.Name));
        var opd = plan.Values.Single(v => v.Kind == ImportValueKind.Opd);
        Assert.Equal((disbudpar, 2), (opd.Suggestions[0].Id, opd.Rows));
        Assert.Equal(upr, plan.Values.Single(v => v.Name == "Univ. Palangka Raya").Suggestions[0].Id);
        Assert.Empty(plan.Values.Single(v => v.Name == "PT Kuliner Nusantara Jaya").Suggestions);
        Assert.Contains(plan.Rows[0].Messages, m => m.Text.EndsWith("Maksud Anda: Disbudpar (Dinas Kebudayaan dan Pariwisata)?", StringComparison.Ordinal));
        Assert.Contains(plan.Rows[0].Messages, m => m.Column == "Mitra" && m.Text.Contains("Maksud Anda: Universitas Palangka Raya", StringComparison.Ordinal));

        var mapped = await PlanAsync(new ImportValueMapping { Opds = { ["dinaspariwisata"] = disbudpar }, Partners = { ["univpalangkaraya"] = upr } });
        Assert.True(mapped.CanSave);
        Assert.Empty(mapped.NewOpds);
        Assert.Equal(["PT Kuliner Nusantara Jaya"], mapped.NewPartners.Select(p => p.Name));
        Assert.Equal(["Disbudpar"], mapped.Rows[0].Opds);
        Assert.Equal(["Universitas Palangka Raya"], mapped.Rows[0].Partners);
        Assert.Equal([disbudpar], mapped.Rows[1].Draft!.OpdIds);
        Assert.Equal(AgreementKind.Ksdpk, mapped.Rows[0].Draft!.Kind);
        Assert.Equal("Disbudpar (Dinas Kebudayaan dan Pariwisata)", mapped.Values.Single(v => v.Kind == ImportValueKind.Opd).MappedLabel);
    }

    [Fact]
    public async Task The_admin_maps_a_name_on_the_preview_without_javascript_and_the_save_uses_it()
    {
        var disbudpar = await OpdIdAsync(Demo.Home, Demo.Opds.Disbudpar);
        var browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.Admin);
        var preview = await ImportSteps.AwaitJobAsync(browser, await ImportSteps.UploadAsync(browser, "ttd-titik-koma.csv", ImportSteps.Workbook("ttd-titik-koma.csv")));

        var value = preview.QuerySelector("#value-mapping [data-value='opd:dinaspariwisata']")!;
        Assert.Equal("maksud Anda: Disbudpar (Dinas Kebudayaan dan Pariwisata)?", value.QuerySelector("[data-suggestion]")!.TextContent.Trim());
        Assert.Equal(disbudpar.ToString(), value.QuerySelector("optgroup[label='Mirip'] option")!.GetAttribute("value"));
        Assert.Equal("1 OPD baru (Dinas Pariwisata)", preview.Text("[data-new='new-opds']"));

        // An OPD of another region is not a choice, whatever the form is made to say.
        var foreign = await OpdIdAsync(Demo.PartnerRegion, "Disparpora");
        var refused = await browser.FollowAsync(await browser.SubmitAsync(preview, "#values-form", [new("opd[dinaspariwisata]", foreign.ToString())]));
        Assert.Contains("Pilihan OPD atau mitra tidak dikenal", refused.Text("[role=alert]"));

        var remapped = await ImportSteps.AwaitJobAsync(browser,
            await browser.FollowAsync(await browser.SubmitAsync(refused, "#values-form", [new("opd[dinaspariwisata]", disbudpar.ToString())])));
        Assert.DoesNotContain("Dinas Pariwisata", remapped.Text("#import-summary"));
        Assert.Contains("Disbudpar", remapped.QuerySelector("#import-rows tr[data-row='4']")!.TextContent);
        Assert.Equal(disbudpar.ToString(), remapped.QuerySelector("select[name='opd[dinaspariwisata]'] option[selected]")!.GetAttribute("value"));

        var saved = await ImportSteps.AwaitJobAsync(browser, await browser.FollowAsync(await browser.SubmitAsync(remapped, "form[action*='handler=Save']", [])));
        Assert.Equal("Tersimpan", saved.Text("[data-import-status]"));
        var opds = await app.WithDbAsync(db => db.Agreements.Where(a => a.RegionCode == Demo.Home && a.Number == "070/16/BAPPERIDA/2025").SelectMany(a => a.Opds).Select(o => o.ShortName).ToListAsync());
        Assert.Equal([Demo.Opds.Disbudpar], opds);
        Assert.False(await app.WithDbAsync(db => db.Opds.AnyAsync(o => o.RegionCode == Demo.Home && o.Name == "Dinas Pariwisata")));
    }
}

public sealed class ImportValueMappingTestsOnSqlite(SqliteApp app) : ImportValueMappingTests<SqliteApp>(app);

public sealed class ImportValueMappingTestsOnPostgres(PostgresApp app) : ImportValueMappingTests<PostgresApp>(app);
