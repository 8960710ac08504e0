using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Sinergi.Features.Agreements;
using Sinergi.Tests.Testing;

namespace Sinergi.Tests.Agreements;

public abstract class EditTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SinergiApp
{
    private const string Admin = Demo.Accounts.Admin;

    private Task<int> IdOfAsync(string title) =>
        app.WithDbAsync(db => db.Agreements.Where(a => a.Title == title).Select(a => a.Id).SingleAsync());

    private Task<int> CountAsync() => app.WithDbAsync(db => db.Agreements.CountAsync());

    private Task<int> PartnerIdAsync(string name) =>
        app.WithDbAsync(db => db.Partners.Where(p => p.RegionCode == Demo.Home && p.Name == name).Select(p => p.Id).SingleAsync());

    private Task<int> OpdIdAsync(string shortName) =>
        app.WithDbAsync(db => db.Opds.Where(o => o.RegionCode == Demo.Home && o.ShortName == shortName).Select(o => o.Id).SingleAsync());

    private static List<KeyValuePair<string, string>> Fields(params (string Key, string Value)[] fields) =>
        fields.Select(f => KeyValuePair.Create(f.Key, f.Value)).ToList();

    private async Task<IDocument> SubmitNewAsync(Browser browser, string query, params (string, string)[] fields)
    {
        var form = await browser.GetAsync("/Agreements/Edit" + query);
        return await browser.FollowAsync(await browser.SubmitAsync(form, "#agreement-form", [.. Fields(fields), new("Input.Save", "final")]));
    }

    [Fact]
    public async Task Kb_and_its_pks_are_recorded_and_show_as_a_tree()
    {
        var upr = await PartnerIdAsync("Universitas Palangka Raya");
        var disdik = await OpdIdAsync("Disdik");
        var browser = new Browser(app);
        await browser.LoginAsync(Admin);

        var kb = await SubmitNewAsync(browser, "",
            ("Input.Kind", "Ksdpk"), ("Input.DocumentType", "KesepakatanBersama"), ("Input.Number", "180/900/KS-PR/2026"),
            ("Input.Title", "Peningkatan Mutu Guru"), ("Input.PartnerIds", upr.ToString()), ("Input.OpdIds", disdik.ToString()),
            ("Input.UrusanCodes", "1.01"), ("Input.SignedOn", "2026-02-02"), ("Input.DurationYears", "5"));
        Assert.Contains("Kerja sama dicatat", kb.Text("[role=status]"));
        Assert.Contains("2 Februari 2026 s.d. 1 Februari 2031 (5 tahun)", kb.Text("main"));
        var kbId = await IdOfAsync("Peningkatan Mutu Guru");

        var pksForm = await browser.GetAsync($"/Agreements/Edit?parent={kbId}&type=pks");
        Assert.Equal(kbId.ToString(), pksForm.QuerySelector("#Input_ParentId option[selected]")!.GetAttribute("value"));
        var pks = await browser.FollowAsync(await browser.SubmitAsync(pksForm, "#agreement-form",
        [
            new("Input.Title", "Sertifikasi Guru SD"), new("Input.Number", "119/901/KS-PR/2026"),
            new("Input.SignedOn", "2026-03-01"), new("Input.EndsOn", "2027-02-28"), new("Input.Save", "final"),
        ]));
        Assert.Contains("Universitas Palangka Raya", pks.Text("#partners"));
        Assert.Contains("KB 180/900/KS-PR/2026", pks.Text("#family-tree"));
        Assert.Contains("PKS 119/901/KS-PR/2026", pks.Text("#family-tree [aria-current]"));
    }

    [Fact]
    public async Task Bad_agreement_input_is_refused_field_by_field_and_nothing_is_saved()
    {
        var before = await CountAsync();
        var taken = await app.WithDbAsync(db => db.Agreements.Where(a => a.RegionCode == Demo.Home && a.Number != null).Select(a => a.Number!).FirstAsync());
        var anotherPks = await app.WithDbAsync(db => db.Agreements.Where(a => a.RegionCode == Demo.Home && a.DocumentType == AgreementDocumentType.PerjanjianKerjaSama).Select(a => a.Id).FirstAsync());
        var browser = new Browser(app);
        await browser.LoginAsync(Admin);

        var page = await SubmitNewAsync(browser, "",
            ("Input.Kind", "Ksdpk"), ("Input.DocumentType", "PerjanjianKerjaSama"), ("Input.Number", taken.ToUpperInvariant()), ("Input.Title", ""),
            ("Input.SignedOn", "2026-05-01"), ("Input.StartsOn", "2026-05-01"), ("Input.EndsOn", "2026-04-01"),
            ("Input.UrusanCodes", "9.99"), ("Input.ParentId", anotherPks.ToString()));

        Assert.Equal("Judul (tentang) wajib diisi.", page.FieldError("Input.Title"));
        Assert.Contains("sudah dipakai untuk kerja sama lain", page.FieldError("Input.Number"));
        Assert.Equal("Tanggal berakhir harus sesudah tanggal mulai berlaku.", page.FieldError("Input.EndsOn"));
        Assert.Contains("'9.99' tidak dikenal", page.FieldError("Input.UrusanCodes"));
        Assert.Contains("Induk sebuah PKS harus Kesepakatan Bersama (KB) atau Nota Kesepakatan", page.FieldError("Input.ParentId"));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Signed_agreement_needs_a_signing_date_but_a_draft_does_not()
    {
        var browser = new Browser(app);
        await browser.LoginAsync(Admin);
        var refused = await SubmitNewAsync(browser, "", ("Input.Kind", "Ksdpk"), ("Input.DocumentType", "KesepakatanBersama"), ("Input.Title", "Rintisan Kerja Sama Pasar Digital"));
        Assert.Contains("Tanggal penandatanganan wajib diisi", refused.FieldError("Input.SignedOn"));

        var draft = await browser.FollowAsync(await browser.SubmitAsync(refused, "#agreement-form", [new("Input.Save", "draf")]));
        Assert.Equal("Draf", draft.Text(".status-badge"));
    }

    [Fact]
    public async Task Editing_records_each_changed_field_in_the_history_newest_first()
    {
        var id = await IdOfAsync("Pelatihan Kewirausahaan Pemuda");
        var browser = new Browser(app);
        await browser.LoginAsync(Admin);
        var form = await browser.GetAsync($"/Agreements/Edit/{id}");
        var details = await browser.FollowAsync(await browser.SubmitAsync(form, "#agreement-form",
            [new("Input.Title", "Pelatihan Kewirausahaan dan Inkubasi Pemuda"), new("Input.Value", "300.000.000"), new("Input.Save", "final")]));

        Assert.Contains("Perubahan disimpan", details.Text("[role=status]"));
        var newest = details.QuerySelector("#history li")!;
        Assert.Contains("Diubah oleh Rina Wulandari", newest.TextContent.Replace("\n", " ").Replace("  ", " "));
        var rows = newest.QuerySelectorAll("tbody tr").Select(r => r.Children.Select(c => c.TextContent.Trim()).ToArray()).ToList();
        Assert.Contains(rows, r => r[0] == "Judul" && r[1] == "Pelatihan Kewirausahaan Pemuda" && r[2] == "Pelatihan Kewirausahaan dan Inkubasi Pemuda");
        Assert.Contains(rows, r => r[0] == "Nilai" && r[1] == "Rp275.000.000" && r[2] == "Rp300.000.000");
        Assert.Equal(2, rows.Count);
        Assert.Contains("Dibuat", details.QuerySelectorAll("#history li").Last().TextContent);
    }

    [Fact]
    public async Task Second_of_two_concurrent_edits_is_told_what_differs_and_overwrites_nothing()
    {
        var id = await IdOfAsync("Pengantaran Dokumen Kependudukan ke Rumah Warga");
        var first = new Browser(app);
        var second = new Browser(app);
        await first.LoginAsync(Admin);
        await second.LoginAsync(Admin);
        var firstForm = await first.GetAsync($"/Agreements/Edit/{id}");
        var secondForm = await second.GetAsync($"/Agreements/Edit/{id}");

        await first.SubmitAsync(firstForm, "#agreement-form", WithChanged(firstForm, "Input.Scope", "Antar dokumen dalam 3 hari kerja."));
        var conflict = await second.FollowAsync(await second.SubmitAsync(secondForm, "#agreement-form", WithChanged(secondForm, "Input.Scope", "Antar dokumen dalam 5 hari kerja.")));

        Assert.Contains("baru saja diubah orang lain", conflict.Text("#conflict-message"));
        Assert.Contains("Antar dokumen dalam 3 hari kerja.", conflict.Text("#conflict-message"));
        Assert.Equal("Antar dokumen dalam 3 hari kerja.", await app.WithDbAsync(db => db.Agreements.Where(a => a.Id == id).Select(a => a.Scope).SingleAsync()));
    }

    private static List<KeyValuePair<string, string>> WithChanged(IDocument form, string field, string value) =>
        [new(field, value), new("Input.Save", "final")];

    [Fact]
    public async Task Extension_is_a_new_agreement_linked_both_ways()
    {
        var originalId = await IdOfAsync("Perlindungan Jaminan Sosial Ketenagakerjaan bagi Pekerja Rentan dan Peserta Magang");
        var browser = new Browser(app);
        await browser.LoginAsync(Admin);
        var form = await browser.GetAsync($"/Agreements/Edit?extends={originalId}");
        Assert.Equal("Perlindungan Jaminan Sosial Ketenagakerjaan bagi Pekerja Rentan dan Peserta Magang", form.QuerySelector("#Input_Title")!.GetAttribute("value"));
        var extension = await browser.FollowAsync(await browser.SubmitAsync(form, "#agreement-form",
            [.. WithChanged(form, "Input.Number", "119/950/KS-PR/2028"), new("Input.SignedOn", "2028-06-01")]));

        Assert.Contains("Perpanjangan dari:", extension.Text("#extends"));
        var original = await browser.GetAsync($"/Agreements/Details/{originalId}");
        Assert.Contains("119/950/KS-PR/2028", original.Text(".extended-by"));
        Assert.Contains("Diperpanjang", original.Text("#history li:first-child"));
    }

    [Fact]
    public async Task Terminating_early_asks_for_a_reason_and_shows_diakhiri()
    {
        var id = await IdOfAsync("Penyediaan Data Statistik Sektoral dan Satu Data Kota");
        var browser = new Browser(app);
        await browser.LoginAsync(Admin);
        var form = await browser.GetAsync($"/Agreements/Terminate/{id}");
        var refused = await browser.FollowAsync(await browser.SubmitAsync(form, "main form", [new("Input.Reason", "")]));
        Assert.Contains("Alasan wajib diisi", refused.FieldError("Input.Reason"));

        var details = await browser.FollowAsync(await browser.SubmitAsync(refused, "main form", [new("Input.Reason", "Data dialihkan ke portal provinsi.")]));
        Assert.Equal("Diakhiri", details.Text(".status-badge"));
        Assert.Contains("Data dialihkan ke portal provinsi.", details.Text("#termination"));
        Assert.Contains("Diakhiri oleh", details.Text("#history li:first-child"));
    }

    [Fact]
    public async Task Kb_with_pks_cannot_be_deleted_and_a_deleted_record_keeps_its_history()
    {
        var kb = await IdOfAsync("Pelaksanaan Tridharma Perguruan Tinggi untuk Pembangunan Daerah");
        var leaf = await IdOfAsync("Pengembangan Angkutan Sungai Antardaerah");
        var browser = new Browser(app);
        await browser.LoginAsync(Admin);

        var blocked = await browser.GetAsync($"/Agreements/Delete/{kb}");
        Assert.Contains("Kuliah Kerja Nyata Tematik", blocked.Text("#delete-blocked"));
        var confirm = await browser.GetAsync($"/Agreements/Delete/{leaf}");
        await browser.FollowAsync(await browser.SubmitAsync(confirm, "main form", []));
        await browser.GetAsync($"/Agreements/Details/{leaf}");
        Assert.Equal(HttpStatusCode.NotFound, browser.Last!.StatusCode);
        var history = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.EntityType == "Agreement" && e.EntityId == leaf).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        Assert.Equal(["Dibuat", "Dihapus"], history);
    }

    [Fact]
    public async Task Opd_operator_records_for_their_own_opd_and_edits_only_those()
    {
        var dinkes = await OpdIdAsync("Dinkes");
        var foreign = await app.WithDbAsync(db => db.Agreements.Where(a => a.RegionCode == Demo.Home && a.Opds.All(o => o.Id != dinkes)).Select(a => a.Id).FirstAsync());
        var browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.DinkesOperator);

        var form = await browser.GetAsync("/Agreements/Edit");
        Assert.NotNull(form.QuerySelector($"input[name='Input.OpdIds'][value='{dinkes}'][checked]"));
        var withoutOwn = await browser.FollowAsync(await browser.SubmitAsync(form, "#agreement-form",
            [new("Input.Title", "Posyandu Remaja"), new("Input.SignedOn", "2026-01-10"), new("Input.Save", "final")], cleared: ["Input.OpdIds"]));
        Assert.Contains("OPD Anda harus termasuk", withoutOwn.FieldError("Input.OpdIds"));
        var saved = await browser.FollowAsync(await browser.SubmitAsync(withoutOwn, "#agreement-form",
            [new("Input.Title", "Posyandu Remaja"), new("Input.SignedOn", "2026-01-10"), new("Input.OpdIds", dinkes.ToString()), new("Input.Save", "final")]));
        Assert.Contains("Kerja sama dicatat", saved.Text("[role=status]"));

        await browser.GetAsync($"/Agreements/Edit/{foreign}");
        Assert.Equal(HttpStatusCode.Forbidden, browser.Last!.StatusCode);
        var details = await browser.GetAsync($"/Agreements/Details/{foreign}");
        Assert.Equal(HttpStatusCode.OK, browser.Last!.StatusCode);
        Assert.Empty(details.QuerySelectorAll("a[href^='/Agreements/Edit']"));
    }

    [Fact]
    public async Task Two_forms_saving_one_number_at_once_record_one_and_tell_the_other()
    {
        var diskop = await OpdIdAsync("Diskop UKM");
        var browser = new Browser(app);
        await browser.LoginAsync(Admin);
        var form = await browser.GetAsync("/Agreements/Edit");
        var token = form.QuerySelector("#agreement-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var posts = Enumerable.Range(0, 6).Select(i => browser.Http.PostAsync("/Agreements/Edit", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", token), new("Input.Kind", "Ksdpk"), new("Input.DocumentType", "PerjanjianKerjaSama"),
            new("Input.Number", "119/808/KS-PR/2026"), new("Input.Title", $"Pelatihan Pengemasan Produk {i}"), new("Input.OpdIds", diskop.ToString()),
            new("Input.UrusanCodes", "2.17"), new("Input.SignedOn", "2026-02-02"), new("Input.DurationYears", "1"), new("Input.Save", "final"),
        ])));
        var responses = await Task.WhenAll(posts);
        Assert.DoesNotContain(responses, r => (int)r.StatusCode >= 500);
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Redirect))
            Assert.Contains("Nomor ini", await refused.Content.ReadAsStringAsync());
        Assert.Equal(1, await app.WithDbAsync(db => db.Agreements.CountAsync(a => a.Number == "119/808/KS-PR/2026")));
    }
}

public sealed class EditTestsOnSqlite(SqliteApp app) : EditTests<SqliteApp>(app);

public sealed class EditTestsOnPostgres(PostgresApp app) : EditTests<PostgresApp>(app);
