using Microsoft.EntityFrameworkCore;
using Sinergi.Audit;
using Sinergi.Features.Accounts;
using Sinergi.Features.Agreements;
using Sinergi.Features.Proposals;
using Sinergi.Infrastructure.Files;

namespace Sinergi.Data;

/// <summary>
/// Palangka Raya's proposals: one in each stage of the KSDPK SOP, one needing DPRD approval, one
/// returned and resubmitted, one rejected, an outside offer with a tracking code, one that became an
/// agreement, and a PKS started from the KB with Universitas Palangka Raya. Dated relative to the demo day.
/// </summary>
public static class DemoProposals
{
    public const string TrackingCode = "LCK-DEMOPKY26";

    private sealed record Seed(string Title, AgreementKind Kind, string Opd, string Stage, int DaysInStage, bool Apbd = true, bool Burdens = false,
        string? Reason = null, int Round = 1, string? OfferFrom = null, string? Kb = null, string? Became = null, bool Rejected = false);

    private static readonly Seed[] Seeds =
    [
        new("Pelatihan Kader Posyandu Bersama Poltekkes", AgreementKind.Ksdpk, "Dinkes", "persiapan", 3),
        new("Pemeriksaan Kesehatan Gratis di Kelurahan", AgreementKind.Ksdpk, "Dinkes", "validasi", 2, Reason: "Studi kelayakan belum memuat jumlah sasaran per kelurahan.", Round: 2),
        new("Pengelolaan Bank Sampah Digital", AgreementKind.Ksdpk, "DLH", "pembahasan", 5),
        new("Festival Budaya Isen Mulang Bersama Sanggar Seni", AgreementKind.Ksdpk, "Disbudpar", "rekomendasi", 4),
        new("Promosi Wisata Susur Sungai Kahayan", AgreementKind.Ksdd, "Disbudpar", "penandatanganan-kb", 40),
        new("Instalasi Pengolahan Air Limbah Komunal", AgreementKind.Ksdpk, "DLH", "persetujuan-dprd", 12, Apbd: false, Burdens: true),
        new("Penelitian Bersama Gizi Anak Sekolah", AgreementKind.Ksdpk, "Dinkes", "penyusunan-pks", 6, Kb: "Pelaksanaan Tridharma Perguruan Tinggi untuk Pembangunan Daerah"),
        new("Layanan Telemedisin Puskesmas", AgreementKind.Ksdpk, "Dinkes", "penandatanganan-pks", 8),
        new("Pembangunan Kolam Renang Kota", AgreementKind.Ksdpk, "Disbudpar", SopVersion.Rejected, 20, Reason: "Tumpang tindih dengan rencana sarana olahraga dalam RPJMD; biaya tidak sebanding manfaat.", Rejected: true),
        new("Kuliah Kerja Nyata Tematik Percepatan Penurunan Stunting", AgreementKind.Ksdpk, "Dinkes", SopVersion.Done, 200, Became: "Kuliah Kerja Nyata Tematik Percepatan Penurunan Stunting"),
        new("Panel Surya Atap Gedung Pemerintah Kota", AgreementKind.Ksdpk, "DLH", "validasi", 1, OfferFrom: "PT Surya Borneo Energi"),
        new("Pemutakhiran Data Kemiskinan Bersama BPS", AgreementKind.Sinergi, "Dinkes", "evaluasi", 9),
    ];

    public static async Task SeedAsync(AppDbContext db, FileStore files, string regionCode, DateOnly today, CancellationToken ct = default)
    {
        if (await db.Proposals.IgnoreQueryFilters().AnyAsync(p => p.RegionCode == regionCode, ct))
            return;
        var pdf = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
        using var content = new MemoryStream(pdf);
        var stored = await files.SaveAsync(content, ct);
        var opds = await db.Opds.IgnoreQueryFilters().Where(o => o.RegionCode == regionCode).ToDictionaryAsync(o => o.ShortName, ct);
        var partners = await db.Partners.IgnoreQueryFilters().Where(p => p.RegionCode == regionCode).OrderBy(p => p.Id).Take(12).ToListAsync(ct);
        var urusan = await db.Urusan.ToDictionaryAsync(u => u.Code, ct);
        var tkksd = await db.Users.Where(u => u.Email == "tkksd.palangkaraya@sinergi.test").SingleOrDefaultAsync(ct);
        var actor = new Actor(null, "Data demo");
        var sequence = 0;
        foreach (var seed in Seeds)
        {
            var sop = await DefaultSops.CurrentAsync(db, regionCode, seed.Kind, ct);
            var kb = seed.Kb is null ? null : await db.Agreements.IgnoreQueryFilters().Include(a => a.Partners).SingleAsync(a => a.RegionCode == regionCode && a.Title == seed.Kb, ct);
            var became = seed.Became is null ? null : await db.Agreements.IgnoreQueryFilters().Include(a => a.Partners)
                .SingleAsync(a => a.RegionCode == regionCode && a.Title == seed.Became && a.DocumentType == AgreementDocumentType.PerjanjianKerjaSama, ct);
            var since = today.AddDays(-seed.DaysInStage);
            var index = seed.Stage is SopVersion.Done or SopVersion.Rejected ? sop.Stages.Count : sop.Stages.FindIndex(s => s.Code == seed.Stage);
            var proposal = new Proposal
            {
                RegionCode = regionCode, Year = today.Year, Sequence = ++sequence, Kind = seed.Kind, Title = seed.Title,
                Background = "Usulan contoh untuk demo Sinergi.", Aims = "Meningkatkan layanan kepada warga Kota Palangka Raya.",
                Scope = kb?.Scope ?? became?.Scope ?? $"Ruang lingkup {seed.Title.ToLowerInvariant()}.", OpdId = opds[seed.Opd].Id,
                DurationMonths = 24, Location = "Kota Palangka Raya", Benefits = "Layanan yang lebih dekat dan terjangkau.",
                FundedInApbd = seed.Apbd, BurdensPublic = seed.Burdens, SopVersionId = sop.Id, Stage = seed.Stage, StageSince = since,
                StageDueOn = since.AddDays(index < sop.Stages.Count ? sop.Stages[index].DeadlineDays : 0),
                State = seed.Rejected ? ProposalState.Ditolak : seed.Stage == SopVersion.Done ? ProposalState.Selesai : ProposalState.Berjalan,
                Round = seed.Round, LastReason = seed.Reason, ParentAgreementId = kb?.Id, AgreementId = became?.Id, KbAgreementId = became?.ParentId,
                FromOffer = seed.OfferFrom is not null, OfferFrom = seed.OfferFrom, OfferLetterNumber = seed.OfferFrom is null ? null : "045/SBE/X/2026",
                TrackingCode = seed.OfferFrom is null ? null : TrackingCode, CreatedByName = "Data demo",
                Partners = kb?.Partners.ToList() ?? became?.Partners.ToList() ?? (seed.OfferFrom is null ? [partners[sequence % partners.Count]] : []),
                Urusan = [urusan[seed.Opd switch { "DLH" => "2.11", "Disbudpar" => "3.26", _ => "1.02" }]],
            };
            // What the stages already passed required is there: their documents and their ticks.
            foreach (var passed in sop.Stages.Take(seed.Rejected ? 2 : index))
                proposal.Checked.AddRange(passed.Checklist.Select(c => ProposalWorkflow.CheckKey(passed, c)));
            db.Proposals.Add(proposal);
            await db.SaveChangesAsync(ct);
            foreach (var type in sop.Stages.Take(seed.Rejected ? 2 : index).SelectMany(s => s.Documents).Prepend(seed.OfferFrom is null ? null : ProposalDocumentTypes.SuratPenawaran).OfType<string>().Distinct())
                db.ProposalDocuments.Add(new ProposalDocument
                {
                    ProposalId = proposal.Id, Type = type, Number = 1, FileName = $"{type}.pdf", ContentType = "application/pdf", Size = stored.Length,
                    Sha256 = stored.Sha256, UploadedAt = db.UtcNow, UploadedByName = "Data demo",
                });
            db.AuditEvents.Add(AuditTrail.Entry(db, regionCode, AuditEntities.Proposal, proposal.Id, AuditActions.Created,
                [new AuditChange("Usulan", null, $"{proposal.Number} — {proposal.Title}")], actor));
            await SeedSigningAsync(db, proposal, seed.Stage, became, today, ct);
            if (seed.Round > 1)
            {
                // Returned for revision and resubmitted: the version returned and the revised one, for the reviewer's comparison.
                proposal.Scope = "Pemeriksaan kesehatan gratis di 30 kelurahan, sasaran 6.000 warga (200 orang per kelurahan).";
                proposal.Location = "Kota Palangka Raya (30 kelurahan)";
            }
            if (index > 0 || seed.Stage == SopVersion.Done)
            {
                proposal.Opd = opds[seed.Opd];
                var now = ProposalRevisions.Fields(proposal, []);
                var at = db.UtcNow.AddDays(-seed.DaysInStage);
                if (seed.Round > 1)
                    db.ProposalRevisions.Add(new ProposalRevision
                    {
                        ProposalId = proposal.Id, Number = 1, Round = 1, At = at.AddDays(-10), ByName = "Data demo",
                        Fields = [.. now.Select(f => f.Key switch
                        {
                            "scope" => f with { Value = "Pemeriksaan kesehatan gratis di kelurahan." },
                            "location" => f with { Value = "Kelurahan di Kecamatan Jekan Raya" },
                            "duration" => f with { Value = "12 bulan" },
                            _ => f,
                        })],
                    });
                db.ProposalRevisions.Add(new ProposalRevision { ProposalId = proposal.Id, Number = seed.Round, Round = seed.Round, At = at, ByName = "Data demo", Fields = now });
            }
            if (seed.Round > 1)
                db.AuditEvents.Add(AuditTrail.Entry(db, regionCode, AuditEntities.Proposal, proposal.Id, "Dikembalikan untuk revisi",
                    [new AuditChange("Tahap", "Validasi", "Persiapan"), new AuditChange("Alasan", null, seed.Reason)], actor));
            if (tkksd is not null && (index > 2 || seed.Stage == "pembahasan") && !seed.Rejected)
                db.ProposalVotes.Add(new ProposalVote
                {
                    ProposalId = proposal.Id, Round = proposal.Round, UserId = tkksd.Id, UserName = tkksd.FullName, RoleLabel = Roles.Label(Roles.Tkksd),
                    At = db.UtcNow, Opinion = "Usulan layak; perhatikan kesiapan anggaran tahun berikutnya.",
                    Scores = [.. ProposalSettings.DefaultCriteria.Select(c => new VoteScore(c.Name, c.Weight, 4))],
                });
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>
    /// The KB signing of Susur Sungai Kahayan is scheduled as a ceremony next week (moved once, with its
    /// reason); the proposal that became an agreement shows its past signings on the agreements' dates.
    /// </summary>
    private static async Task SeedSigningAsync(AppDbContext db, Proposal proposal, string stage, Agreement? became, DateOnly today, CancellationToken ct)
    {
        ProposalSigningSchedule Row(string code, SigningMode mode, DateOnly date, TimeOnly? time, string? place, string? agenda, string? reason, int daysAgo) => new()
        {
            ProposalId = proposal.Id, Stage = code, Mode = mode, Date = date, Time = time, Place = place, Agenda = agenda, Reason = reason,
            At = db.UtcNow.AddDays(-daysAgo), ByName = "Data demo",
        };
        if (stage == "penandatanganan-kb")
        {
            const string place = "Aula Jayang Tingang, Balai Kota Palangka Raya";
            const string agenda = "Sambutan Wali Kota; penandatanganan Kesepakatan Bersama; peluncuran paket wisata susur sungai";
            db.ProposalSigningSchedules.Add(Row(stage, SigningMode.Seremonial, today.AddDays(-2), new TimeOnly(9, 0), place, agenda, null, 20));
            db.ProposalSigningSchedules.Add(Row(stage, SigningMode.Seremonial, today.AddDays(6), new TimeOnly(9, 30), place, agenda,
                "Wali Kota menghadiri rapat koordinasi di Jakarta pada tanggal semula.", 5));
        }
        if (became is not null)
        {
            var kbSignedOn = became.ParentId is int kbId ? await db.Agreements.IgnoreQueryFilters().Where(a => a.Id == kbId).Select(a => a.SignedOn).SingleAsync(ct) : null;
            proposal.KbSignedOn = kbSignedOn;
            proposal.SignedOn = became.SignedOn;
            if (kbSignedOn is { } kb)
                db.ProposalSigningSchedules.Add(Row("penandatanganan-kb", SigningMode.Seremonial, kb, new TimeOnly(10, 0), "Aula Universitas Palangka Raya",
                    "Penandatanganan Kesepakatan Bersama oleh Wali Kota dan Rektor", null, today.DayNumber - kb.DayNumber + 7));
            if (became.SignedOn is { } pks)
                db.ProposalSigningSchedules.Add(Row("penandatanganan-pks", SigningMode.DeskToDesk, pks, null, null,
                    "Perjanjian Kerja Sama diedarkan untuk ditandatangani Kepala Dinas Kesehatan dan Dekan", null, today.DayNumber - pks.DayNumber + 7));
        }
    }
}
