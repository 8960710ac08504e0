using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Sinergi.Audit;
using Sinergi.Features.Agreements;
using Sinergi.Features.Agreements.Documents;
using Sinergi.Tests.Testing;

namespace Sinergi.Tests.Reports;

public abstract class AgreementProfileTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SinergiApp
{
    private const string Admin = Demo.Accounts.Admin;

    private Task<Agreement> AgreementAsync(string title) =>
        app.WithDbAsync(db => db.Agreements.Include(a => a.Partners).SingleAsync(a => a.Title == title));

    [Fact]
    public async Task Profile_from_the_detail_page_is_one_page_with_title_number_and_partner()
    {
        var agreement = await AgreementAsync(Demo.Agreements.SharedWaste);
        var browser = new Browser(app);
        await browser.LoginAsync(Admin);
        var details = await browser.GetAsync($"/Agreements/Details/{agreement.Id}");
        var link = details.QuerySelector("#profile-pdf")!;
        Assert.Equal("Unduh profil (PDF)", link.TextContent.Trim());

        var response = await browser.Http.GetAsync(link.GetAttribute("href"));
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var pdf = PdfText.Read(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(1, pdf.Pages);
        Assert.True(pdf.Shows("PROFIL KERJA SAMA"));
        Assert.True(pdf.Shows(agreement.Title));
        Assert.True(pdf.Shows(agreement.Partners.Single().Name));
        Assert.Contains(agreement.Number!, pdf.Words);
        Assert.True(pdf.HasLine($"Nilai dan sumber dana {ExpectedReport.Rupiah(agreement.Value!.Value)} · APBD dan mitra"));
        Assert.True(pdf.Shows("Halaman 1 dari 1"));
    }

    [Fact]
    public async Task A_crowded_agreement_still_fits_one_page_and_says_what_was_cut()
    {
        var id = await CrowdedAgreementAsync();
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenForAsync(Admin));
        var response = await client.GetAsync($"/api/v1/agreements/{id}/profile.pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var pdf = PdfText.Read(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(1, pdf.Pages);
        Assert.True(pdf.Shows("Ruang lingkup dipersingkat"));
        // The documents shown and the ones said to be left out add up to all nine.
        var left = System.Text.RegularExpressions.Regex.Match(pdf.Squashed, @"dan(\d)dokumenlainnya");
        Assert.True(left.Success);
        var shown = Enumerable.Range(1, 9).Count(d => pdf.Shows($"Lampiran {d}: Rencana Kerja"));
        Assert.InRange(shown, 2, 8);
        Assert.Equal(9, shown + int.Parse(left.Groups[1].Value));
        Assert.True(pdf.Shows("Petugas 10") && pdf.Shows("Petugas 09") && pdf.Shows("Petugas 08"));
        Assert.False(pdf.Shows("Petugas 07"));
        Assert.Contains("119/999/KS-PR/2026", pdf.Words);
    }

    [Fact]
    public async Task Whoever_may_read_the_agreement_gets_its_profile_and_nobody_else()
    {
        var shared = await app.WithDbAsync(db => db.Agreements.Where(a => a.SharedWith.Any(s => s.RegionCode == Demo.PartnerRegion)).Select(a => a.Id).FirstAsync());
        var notShared = await app.WithDbAsync(db => db.Agreements.Where(a => a.RegionCode == Demo.Home && a.SharedWith.All(s => s.RegionCode != Demo.PartnerRegion)).Select(a => a.Id).FirstAsync());
        var neighbour = new Browser(app);
        await neighbour.LoginAsync(Demo.Accounts.PartnerRegionAdmin);

        var details = await neighbour.GetAsync($"/Agreements/Details/{shared}");
        Assert.NotNull(details.QuerySelector("#profile-pdf"));
        var own = await neighbour.Http.GetAsync($"/Agreements/Profile/{shared}");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(1, PdfText.Read(await own.Content.ReadAsByteArrayAsync()).Pages);
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.Http.GetAsync($"/Agreements/Profile/{notShared}")).StatusCode);

        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenForAsync(Demo.Accounts.PartnerRegionAdmin));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/agreements/{notShared}/profile.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/agreements/999999/profile.pdf")).StatusCode);
    }

    /// <summary>An agreement with everything at its longest: every partner, many OPDs and urusan, nine documents, ten history entries.</summary>
    private Task<int> CrowdedAgreementAsync() => app.WithDbAsync(async db =>
    {
        var parent = await db.Agreements.FirstAsync(a => a.RegionCode == Demo.Home && a.DocumentType == AgreementDocumentType.KesepakatanBersama);
        var agreement = new Agreement
        {
            RegionCode = Demo.Home,
            Kind = AgreementKind.Ksdpk,
            DocumentType = AgreementDocumentType.PerjanjianKerjaSama,
            Number = "119/999/KS-PR/2026",
            PartnerNumber = "999/MITRA/2026",
            Title = string.Join(' ', Enumerable.Repeat("Penguatan Layanan Publik Terpadu Lintas Sektor", 5)),
            Scope = string.Join(' ', Enumerable.Repeat("Pendampingan teknis, pelatihan aparatur, penyusunan standar layanan dan evaluasi berkala.", 40)),
            SignedOn = new DateOnly(2026, 1, 5),
            StartsOn = new DateOnly(2026, 1, 5),
            EndsOn = new DateOnly(2031, 1, 4),
            DurationMonths = 60,
            Value = 98_765_432_100m,
            Funding = FundingSource.ApbdDanMitra,
            DprdApprovalRequired = true,
            DprdApprovedOn = new DateOnly(2025, 12, 20),
            DprdApprovalNumber = "17/DPRD/2025",
            ParentId = parent.Id,
            Lifecycle = AgreementLifecycle.Aktif,
            Partners = await db.Partners.Where(p => p.RegionCode == Demo.Home).ToListAsync(),
            Opds = await db.Opds.Where(o => o.RegionCode == Demo.Home).Take(15).ToListAsync(),
            Urusan = await db.Urusan.Take(12).ToListAsync(),
        };
        for (var d = 1; d <= 9; d++)
        {
            agreement.Documents.Add(new AgreementDocument
            {
                Title = $"Lampiran {d}: Rencana Kerja dan Rincian Anggaran Pelaksanaan Tahun Ke-{d}",
                Versions = [.. Enumerable.Range(1, 3).Select(v => new DocumentVersion
                {
                    Number = v, FileName = $"lampiran-{d}-rencana-kerja-dan-anggaran-versi-{v}.pdf", ContentType = "application/pdf",
                    Size = 1_250_000 * v, Sha256 = new string((char)('a' + d), 63) + v, UploadedAt = DateTime.UtcNow, UploadedByName = "Petugas Arsip",
                })],
            });
        }
        db.Agreements.Add(agreement);
        await db.SaveChangesAsync();
        for (var i = 1; i <= 4; i++)
            db.Agreements.Add(new Agreement { RegionCode = Demo.Home, Title = $"Adendum {i} Penguatan Layanan Publik Terpadu", Number = $"180/99{i}/KS-PR/2026", DocumentType = AgreementDocumentType.Adendum, ParentId = agreement.Id, Lifecycle = AgreementLifecycle.Aktif, SignedOn = new DateOnly(2026, 2, i) });
        for (var i = 1; i <= 10; i++)
        {
            db.AuditEvents.Add(new AuditEvent
            {
                RegionCode = Demo.Home, EntityType = nameof(Agreement), EntityId = agreement.Id, Action = AuditActions.Changed,
                At = DateTime.UtcNow.AddMinutes(i), UserName = $"Petugas {i:00}",
                Changes = [.. Enumerable.Range(1, 8).Select(f => new AuditChange($"Isian nomor {f} yang cukup panjang", "lama", "baru"))],
            });
        }
        await db.SaveChangesAsync();
        return agreement.Id;
    });
}

public sealed class AgreementProfileTestsOnSqlite(SqliteApp app) : AgreementProfileTests<SqliteApp>(app);

public sealed class AgreementProfileTestsOnPostgres(PostgresApp app) : AgreementProfileTests<PostgresApp>(app);
