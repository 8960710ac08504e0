using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Sinergi.BrowserTests.Infrastructure;
using Sinergi.Data;
using Sinergi.Features.Accounts;
using Sinergi.Features.Proposals;
using Sinergi.Tenancy;
using static Microsoft.Playwright.Assertions;

namespace Sinergi.BrowserTests;

/// <summary>
/// One KSDPK proposal in Chromium, all the way into the registry: the Dinkes operator writes and
/// submits it with its KAK and feasibility study (real PDF files), the admin validates it, three TKKSD
/// members score it until the quorum, the recommendation PDF is downloaded, the KB signing is
/// scheduled (the OPD is emailed through the loopback SMTP server) and the signed KB uploaded with
/// paraf, meterai and stempel, the PKS follows, and the agreement stands in the Kerja Sama list.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ProposalTests(BrowserSession session)
{
    private static async Task UploadAsync(IPage page, string type, string fileName, byte[] content)
    {
        await page.Locator("#doc-type").SelectOptionAsync(type);
        await page.Locator("#doc-file").SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = "application/pdf", Buffer = content });
        await page.Locator("#upload-form").GetByRole(AriaRole.Button, new() { Name = "Unggah" }).ClickAsync();
        await Expect(page.Locator("#documents")).ToContainTextAsync(fileName);
    }

    /// <summary>Ticks every checklist item of the stage, one form (and one page load) at a time.</summary>
    private static async Task TickAllAsync(IPage page)
    {
        var tick = page.Locator(".checklist-item").GetByRole(AriaRole.Button, new() { Name = "Centang", Exact = true });
        while (await tick.CountAsync() > 0)
        {
            var before = await tick.CountAsync();
            await tick.First.ClickAsync();
            await Expect(tick).ToHaveCountAsync(before - 1);
        }
        await Expect(page.Locator("#complete")).ToBeVisibleAsync();
    }

    private static async Task MoveAsync(IPage page, string to, string stageName)
    {
        await page.Locator($"#moves button[data-to='{to}']").ClickAsync();
        await Expect(page.Locator("#stage-name")).ToHaveTextAsync(stageName);
    }

    private async Task<string[]> TkksdMembersAsync()
    {
        using var scope = session.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        string[] emails = ["tkksd2.uji@sinergi.test", "tkksd3.uji@sinergi.test"];
        foreach (var (email, name) in emails.Zip(["Ratna Sari Uji", "Bambang Uji"]))
        {
            if (await users.FindByEmailAsync(email) is not null)
                continue;
            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, FullName = name, RegionCode = Demo.Home, CreatedAt = DateTime.UtcNow };
            Assert.True((await users.CreateAsync(user, BrowserSession.DemoPassword)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.Tkksd)).Succeeded);
        }
        return [Demo.Accounts.Tkksd, .. emails];
    }

    /// <summary>The region's quorum for the test (all three members must score), and what it was before.</summary>
    private async Task<int?> SetQuorumAsync(int? minimum)
    {
        using var scope = session.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var settings = await db.ProposalSettings.IgnoreQueryFilters().SingleOrDefaultAsync(s => s.RegionCode == Demo.Home);
        if (settings is null)
        {
            settings = new ProposalSettings { RegionCode = Demo.Home, Criteria = [.. ProposalSettings.DefaultCriteria] };
            db.ProposalSettings.Add(settings);
        }
        var before = settings.QuorumMinimum;
        settings.QuorumMinimum = minimum;
        await db.SaveChangesAsync();
        return before;
    }

    [Fact]
    public async Task A_ksdpk_proposal_goes_from_the_opd_through_the_tkksd_and_the_signing_into_the_registry()
    {
        var members = await TkksdMembersAsync();
        var quorumBefore = await SetQuorumAsync(3);
        try
        {
            await RunAsync(members);
        }
        finally
        {
            await SetQuorumAsync(quorumBefore);
        }
    }

    private async Task RunAsync(string[] members)
    {
        var today = RegionClock.Today(session.Services.GetRequiredService<TimeProvider>(), Demo.Home);
        var todayText = Sinergi.Web.Indonesian.Date(today);
        var title = $"Skrining Tuberkulosis Bersama Universitas {Guid.NewGuid().ToString("N")[..6]}";

        // The OPD writes the proposal and submits it with its KAK and feasibility study.
        var (opd, opdErrors) = await session.SignedInAsync(Demo.Accounts.DinkesOperator);
        await opd.GotoAsync("/Proposals/Edit");
        await opd.GetByLabel("Jenis kerja sama").SelectOptionAsync("Ksdpk");
        await opd.GetByLabel("Judul usulan").FillAsync(title);
        await opd.GetByLabel("Latar belakang").FillAsync("Kasus tuberkulosis di kelurahan padat penduduk belum terdeteksi dini.");
        await opd.GetByLabel("Ruang lingkup").FillAsync("Skrining tuberkulosis keliling dan pelatihan kader.");
        await opd.GetByLabel("Jangka waktu (bulan)").FillAsync("12");
        await opd.GetByLabel("Pendanaan sudah tercantum dalam APBD tahun berjalan").CheckAsync();
        await opd.Locator("#partner-list input").First.CheckAsync();
        await opd.Locator("#urusan-1\\.02").CheckAsync();
        await opd.GetByRole(AriaRole.Button, new() { Name = "Simpan usulan" }).ClickAsync();
        await Expect(opd.Locator("#overlap-warning, #stage-name").First).ToBeVisibleAsync();
        if (await opd.Locator("#overlap-warning").CountAsync() > 0)
        {
            await opd.GetByLabel("Alasan tetap melanjutkan (dibaca TKKSD)").FillAsync("Sasaran dan lokasi berbeda dari kerja sama yang ada.");
            await opd.GetByRole(AriaRole.Button, new() { Name = "Simpan usulan" }).ClickAsync();
        }
        await opd.WaitForURLAsync(url => url.Contains("/Proposals/Details/", StringComparison.Ordinal));
        var detailsUrl = new Uri(opd.Url).AbsolutePath;
        await Expect(opd.Locator("#stage-name")).ToHaveTextAsync("Persiapan");
        await Expect(opd.Locator("#moves button[data-to='validasi']")).ToBeDisabledAsync();
        await UploadAsync(opd, ProposalDocumentTypes.Kak, "kak-skrining-tb.pdf", MinimalPdf.WithLines("KERANGKA ACUAN KERJA", title));
        await UploadAsync(opd, ProposalDocumentTypes.StudiKelayakan, "studi-kelayakan-skrining-tb.pdf", MinimalPdf.WithLines("STUDI KELAYAKAN", title));
        await MoveAsync(opd, "validasi", "Validasi");

        // The admin validates.
        var (admin, adminErrors) = await session.SignedInAsync(Demo.Accounts.Admin);
        await admin.GotoAsync(detailsUrl);
        await TickAllAsync(admin);
        await MoveAsync(admin, "pembahasan", "Pembahasan TKKSD");

        // Three TKKSD members score it; the quorum (all three) is reached only with the third.
        var tkksdErrors = new List<string>();
        IPage? lastMember = null;
        for (var i = 0; i < members.Length; i++)
        {
            var (member, errors) = await session.SignedInAsync(members[i]);
            tkksdErrors.AddRange(errors);
            await member.GotoAsync(detailsUrl);
            await Expect(member.Locator("#quorum")).ToContainTextAsync("kuorum belum tercapai");
            await member.Locator("#opinion").FillAsync($"Layak dilanjutkan (anggota {i + 1}).");
            await member.Locator("#vote-form").GetByRole(AriaRole.Button, new() { Name = "Kirim penilaian" }).ClickAsync();
            await Expect(member.Locator("#assessment .vote-table tbody tr")).ToHaveCountAsync(i + 1);
            lastMember = member;
        }
        await Expect(lastMember!.Locator("#quorum")).ToContainTextAsync("kuorum tercapai");
        await TickAllAsync(lastMember);
        await MoveAsync(lastMember, "rekomendasi", "Rekomendasi kepada kepala daerah");

        // The recommendation is a PDF; the admin files it with the head's decision.
        await admin.GotoAsync(detailsUrl);
        var download = await admin.RunAndWaitForDownloadAsync(() => admin.Locator("#recommendation-pdf").ClickAsync());
        var recommendation = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(recommendation, 0, 4));
        Assert.EndsWith(".pdf", download.SuggestedFilename, StringComparison.Ordinal);
        await UploadAsync(admin, ProposalDocumentTypes.SuratRekomendasi, download.SuggestedFilename, recommendation);
        await TickAllAsync(admin);
        await MoveAsync(admin, "penandatanganan-kb", "Penandatanganan KB");

        // The KB signing is scheduled as a ceremony today; the OPD hears of it by email.
        await admin.Locator("#signing-mode").SelectOptionAsync(nameof(SigningMode.Seremonial));
        await admin.Locator("#signing-date").FillAsync(todayText);
        await admin.Locator("#signing-time").FillAsync("10:00");
        await admin.Locator("#signing-place").FillAsync("Aula Jayang Tingang, Balai Kota");
        await admin.Locator("#signing-agenda-input").FillAsync("Sambutan Wali Kota dan rektor; penandatanganan Kesepakatan Bersama");
        await admin.Locator("#signing-submit").ClickAsync();
        await Expect(admin.Locator("#signing-current")).ToContainTextAsync("Seremonial");
        await Expect(admin.Locator("#signing-current")).ToContainTextAsync(todayText);
        await Expect(admin.Locator("#signing-summary")).ToContainTextAsync("Aula Jayang Tingang");
        var number = await admin.Locator("nav .breadcrumb-item.active").TextContentAsync();
        var mail = Assert.Single(session.Smtp.To(Demo.Accounts.DinkesOperator), m => (m.Subject ?? "").Contains("Penandatanganan dijadwalkan", StringComparison.Ordinal)
            && (m.Subject ?? "").Contains(number!.Trim(), StringComparison.Ordinal));
        Assert.Contains(detailsUrl, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Aula Jayang Tingang", mail.TextBody, StringComparison.Ordinal);

        // The signed KB, with paraf on every page, meterai and stempel; signed on the scheduled day.
        await UploadAsync(admin, ProposalDocumentTypes.KbBertandatangan, "kb-bertandatangan.pdf", MinimalPdf.WithLines("KESEPAKATAN BERSAMA", title, "Ditandatangani"));
        await TickAllAsync(admin);
        await Expect(admin.Locator("#documents .signed-checklist")).ToContainTextAsync("☑ Paraf setiap halaman");
        await Expect(admin.Locator("#documents .signed-checklist")).ToContainTextAsync("☑ Meterai");
        await Expect(admin.Locator("#documents .signed-checklist")).ToContainTextAsync("☑ Stempel");
        await Expect(admin.Locator("#signed-on-penyusunan-pks")).ToHaveValueAsync(todayText);
        await MoveAsync(admin, "penyusunan-pks", "Penyusunan PKS");
        await Expect(admin.Locator("#kb-signed-on")).ToContainTextAsync(todayText);

        // The PKS: drafted by the OPD, signed desk to desk, into the registry.
        await opd.GotoAsync(detailsUrl);
        await UploadAsync(opd, ProposalDocumentTypes.DraftPks, "draf-pks.pdf", MinimalPdf.WithLines("DRAF PERJANJIAN KERJA SAMA", title));
        await MoveAsync(opd, "penandatanganan-pks", "Penandatanganan PKS");
        await admin.GotoAsync(detailsUrl);
        await admin.Locator("#signing-mode").SelectOptionAsync(nameof(SigningMode.DeskToDesk));
        await admin.Locator("#signing-date").FillAsync(todayText);
        await admin.Locator("#signing-submit").ClickAsync();
        await Expect(admin.Locator("#signing-current")).ToContainTextAsync("Desk to desk");
        await UploadAsync(admin, ProposalDocumentTypes.PksBertandatangan, "pks-bertandatangan.pdf", MinimalPdf.WithLines("PERJANJIAN KERJA SAMA", title, "Ditandatangani"));
        await TickAllAsync(admin);
        await admin.Locator($"#moves button[data-to='{SopVersion.Done}']").ClickAsync();
        await Expect(admin.Locator("#stage-name")).ToHaveTextAsync("Selesai");

        // It stands in the registry, linked from the proposal, and is found in the Kerja Sama list.
        await admin.Locator("#agreement-link a").ClickAsync();
        await admin.WaitForURLAsync(url => url.Contains("/Agreements/Details/", StringComparison.Ordinal));
        await Expect(admin.Locator("main")).ToContainTextAsync(title);
        await Expect(admin.Locator("#from-proposal")).ToContainTextAsync(number!.Trim());
        await admin.GotoAsync($"/Agreements?q={Uri.EscapeDataString(title)}");
        await Expect(admin.GetByRole(AriaRole.Link, new() { Name = title }).First).ToBeVisibleAsync();

        Assert.Empty(opdErrors);
        Assert.Empty(adminErrors);
        Assert.Empty(tkksdErrors);
    }
}
