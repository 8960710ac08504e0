using System.Data.Common;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Sinergi.Audit;
using Sinergi.Data;
using Sinergi.Infrastructure.Files;
using Sinergi.Tenancy;
using Sinergi.Web;

namespace Sinergi.Features.Proposals;

/// <summary>Starting, editing, ticking and documenting proposals; the pages and the API call these.</summary>
public static class Proposals
{
    private const int Attempts = 20;

    /// <summary>The proposals the caller reads: the region's, and for an Operator OPD only its own OPD's.</summary>
    public static IQueryable<Proposal> Visible(AppDbContext db, ProposalCaller caller)
    {
        var all = db.Proposals.IgnoreQueryFilters().Where(p => p.RegionCode == caller.RegionCode);
        if (caller.RegionCode is null || caller.Is(Accounts.Roles.Mitra))
            return all.Where(p => false);
        return caller.Is(Accounts.Roles.AdminKerjaSama) || caller.Is(Accounts.Roles.Tkksd) || caller.Is(Accounts.Roles.Pimpinan)
            ? all : all.Where(p => p.OpdId == caller.OpdId);
    }

    public static Task<Proposal?> LoadAsync(AppDbContext db, int id, CancellationToken ct = default) =>
        db.Proposals.IgnoreQueryFilters().AsSplitQuery().Include(p => p.Sop).Include(p => p.Opd).Include(p => p.Partners).Include(p => p.Urusan)
            .SingleOrDefaultAsync(p => p.Id == id, ct);

    /// <summary>
    /// Creates the proposal on the region's current SOP, with the next number of its region and
    /// year. Two created at once may pick the same number: the unique index refuses one, which takes the next.
    /// </summary>
    public static async Task<(Proposal? Proposal, Dictionary<string, string[]> Problems)> CreateAsync(AppDbContext db, ProposalCaller caller, ProposalDraft draft,
        TimeProvider clock, ProposalNotifier? notifier = null, CancellationToken ct = default)
    {
        if (!caller.CanCreate)
            return (null, new() { [""] = ["Usulan dibuat oleh Admin Kerja Sama atau Operator OPD daerah."] });
        var problems = await draft.ProblemsAsync(db, caller, ct);
        if (problems.Count > 0)
            return (null, problems);
        var region = caller.RegionCode!;
        var today = RegionClock.Today(clock, region);
        if (ProposalOverlap.Problem(await ProposalOverlap.FindAsync(db, region, draft, null, today, ct), draft.OverlapReason) is { } overlap)
            return (null, new() { [nameof(ProposalDraft.OverlapReason)] = [overlap] });
        for (var attempt = 1; ; attempt++)
        {
            var proposal = new Proposal { RegionCode = region, Title = "", Stage = "", Year = today.Year, CreatedById = caller.Actor.UserId, CreatedByName = caller.Actor.Name };
            await draft.ApplyToAsync(db, proposal, ct);
            var sop = await DefaultSops.CurrentAsync(db, region, proposal.Kind, ct);
            ProposalWorkflow.Start(proposal, sop, today);
            proposal.Sequence = (await db.Proposals.IgnoreQueryFilters().Where(p => p.RegionCode == region && p.Year == today.Year).MaxAsync(p => (int?)p.Sequence, ct) ?? 0) + 1;
            if (proposal.FromOffer)
                proposal.TrackingCode = NewTrackingCode();
            db.Proposals.Add(proposal);
            try
            {
                await db.SaveChangesAsync(ct);
                db.AuditEvents.Add(AuditTrail.Entry(db, region, AuditEntities.Proposal, proposal.Id, AuditActions.Created,
                    [new AuditChange("Usulan", null, $"{proposal.Number} — {proposal.Title}"), new AuditChange("Tahap", null, sop.First.Name)], caller.Actor));
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (LostRace(e) && attempt < Attempts)
            {
                db.ChangeTracker.Clear();
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 30) * attempt), ct);
                continue;
            }
            if (notifier is not null)
                await notifier.ReachedAsync(proposal, sop, ct);
            return (proposal, problems);
        }
    }

    /// <summary>The proposer's stage (the SOP's first) is the only one in which the text changes; later it is returned for revision first.</summary>
    public static bool CanEdit(ProposalCaller caller, Proposal proposal) =>
        proposal.Sop is { } sop && proposal.Stage == sop.First.Code && caller.ActsIn(proposal, sop.First);

    public static async Task<Dictionary<string, string[]>> UpdateAsync(AppDbContext db, ProposalCaller caller, Proposal proposal, ProposalDraft draft,
        int? expectedVersion, CancellationToken ct = default)
    {
        if (!CanEdit(caller, proposal))
            return new() { [""] = ["Usulan hanya dapat diubah pada tahap pengusul, oleh pelaksana tahap itu. Minta usulan dikembalikan untuk revisi bila perlu diubah."] };
        if (expectedVersion is int seen && seen != proposal.Version)
            return new() { [""] = ["Usulan ini telah diubah orang lain sejak Anda membukanya. Muat ulang halaman lalu ulangi perubahan Anda."] };
        // The kind, the KB it started from and the offer it records are fixed when it is made.
        draft = draft with { FromOffer = false, Kind = proposal.Kind, ParentAgreementId = proposal.ParentAgreementId };
        var problems = await draft.ProblemsAsync(db, caller, ct);
        // An offer from outside may still name its sender only, not a partner from the directory.
        if (proposal.FromOffer && draft.PartnerIds.Count == 0)
            problems.Remove(nameof(ProposalDraft.PartnerIds));
        if (problems.Count > 0)
            return problems;
        var today = db.TodayIn(proposal.RegionCode);
        if (ProposalOverlap.Problem(await ProposalOverlap.FindAsync(db, proposal.RegionCode, draft, proposal.Id, today, ct), draft.OverlapReason) is { } overlap)
            return new() { [nameof(ProposalDraft.OverlapReason)] = [overlap] };
        var before = Describe(proposal);
        await draft.ApplyToAsync(db, proposal, ct);
        db.AuditEvents.Add(AuditTrail.Entry(db, proposal.RegionCode, AuditEntities.Proposal, proposal.Id, AuditActions.Changed,
            [new AuditChange("Usulan", before, Describe(proposal))], caller.Actor));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new() { [""] = ["Usulan ini telah diubah orang lain sejak Anda membukanya. Muat ulang halaman lalu ulangi perubahan Anda."] };
        }
        return problems;
    }

    private static string Describe(Proposal p) =>
        $"{p.Title} · {p.Scope} · {p.DurationMonths} bulan · {p.Location} · APBD: {(p.FundedInApbd ? "ya" : "tidak")} · membebani masyarakat: {(p.BurdensPublic ? "ya" : "tidak")}{(p.OverlapReason is { } why ? $" · alasan tumpang tindih: {why}" : "")}";

    /// <summary>Ticks or unticks a checklist item of the current stage; only its actors do.</summary>
    public static async Task<string?> CheckAsync(AppDbContext db, ProposalCaller caller, Proposal proposal, string item, bool done, CancellationToken ct = default)
    {
        var stage = proposal.Sop!.Stage(proposal.Stage);
        if (stage is null || !caller.ActsIn(proposal, stage))
            return "Daftar periksa diisi oleh pelaksana tahap yang sedang berjalan.";
        if (!stage.Checklist.Contains(item))
            return "Butir itu bukan bagian dari daftar periksa tahap ini.";
        var key = ProposalWorkflow.CheckKey(stage, item);
        if (done == proposal.Checked.Contains(key))
            return null;
        if (done)
            proposal.Checked.Add(key);
        else
            proposal.Checked.Remove(key);
        db.AuditEvents.Add(AuditTrail.Entry(db, proposal.RegionCode, AuditEntities.Proposal, proposal.Id, AuditActions.Changed,
            [new AuditChange($"Daftar periksa: {item}", done ? "belum" : "sudah", done ? "sudah" : "belum")], caller.Actor));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return "Usulan ini baru saja diubah pengguna lain. Muat ulang halaman lalu ulangi.";
        }
        return null;
    }

    /// <summary>Adds a version of one of the proposal's documents, checked by its content and stored by its SHA-256.</summary>
    public static async Task<(ProposalDocument? Document, Dictionary<string, string[]> Problems)> UploadAsync(AppDbContext db, FileStore files, ProposalCaller caller,
        Proposal proposal, string? type, string fileName, Stream content, long maxBytes, CancellationToken ct = default)
    {
        var problems = new Dictionary<string, string[]>();
        if (!caller.CanUpload(proposal, proposal.Sop!.Stage(proposal.Stage)))
            return (null, new() { [""] = ["Dokumen usulan diunggah oleh Admin Kerja Sama, OPD penanggung jawab, atau pelaksana tahap yang sedang berjalan."] });
        if (type is null || !ProposalDocumentTypes.Labels.ContainsKey(type))
            problems["Type"] = ["Pilih jenis dokumen."];
        var inspection = FileInspector.Inspect(fileName, content, maxBytes);
        if (!inspection.IsAccepted)
            problems["File"] = [inspection.Error!];
        if (problems.Count > 0)
            return (null, problems);
        content.Position = 0;
        var stored = await files.SaveAsync(content, ct);
        for (var attempt = 1; ; attempt++)
        {
            var number = (await db.ProposalDocuments.Where(d => d.ProposalId == proposal.Id && d.Type == type).MaxAsync(d => (int?)d.Number, ct) ?? 0) + 1;
            var document = new ProposalDocument
            {
                ProposalId = proposal.Id, Type = type!, Number = number, FileName = inspection.FileName, ContentType = inspection.ContentType!,
                Size = stored.Length, Sha256 = stored.Sha256, UploadedAt = db.UtcNow, UploadedById = caller.Actor.UserId, UploadedByName = caller.Actor.Name,
            };
            db.ProposalDocuments.Add(document);
            db.AuditEvents.Add(AuditTrail.Entry(db, proposal.RegionCode, AuditEntities.Proposal, proposal.Id, AuditActions.DocumentUploaded,
                [new AuditChange("Dokumen", null, $"{ProposalDocumentTypes.Label(document.Type)}, versi {number}: {document.FileName} (SHA-256 {document.Sha256})")], caller.Actor));
            try
            {
                await db.SaveChangesAsync(ct);
                return (document, problems);
            }
            catch (DbUpdateException e) when (LostRace(e) && attempt < Attempts)
            {
                foreach (var entry in db.ChangeTracker.Entries().Where(x => x.State == EntityState.Added).ToList())
                    entry.State = EntityState.Detached;
            }
        }
    }

    /// <summary>Marks a version rejected, with who, why and when; the file and the row stay.</summary>
    public static async Task<string?> RejectDocumentAsync(AppDbContext db, ProposalCaller caller, Proposal proposal, int documentId, string? reason, CancellationToken ct = default)
    {
        var stage = proposal.Sop!.Stage(proposal.Stage);
        if (stage is null || !caller.ActsIn(proposal, stage))
            return "Dokumen ditolak oleh pelaksana tahap yang sedang berjalan.";
        if (await db.ProposalDocuments.SingleOrDefaultAsync(d => d.Id == documentId && d.ProposalId == proposal.Id, ct) is not { } document)
            return "Dokumen itu bukan milik usulan ini.";
        if (document.IsRejected)
            return "Versi dokumen ini sudah ditolak.";
        if (Text.CleanLines(reason) is not { } why)
            return "Tuliskan alasan penolakan dokumen.";
        (document.RejectedAt, document.RejectedByName, document.RejectedReason) = (db.UtcNow, caller.Actor.Name, why.Length > 1000 ? why[..1000] : why);
        db.AuditEvents.Add(AuditTrail.Entry(db, proposal.RegionCode, AuditEntities.Proposal, proposal.Id, "Dokumen ditolak",
            [new AuditChange("Dokumen", $"{ProposalDocumentTypes.Label(document.Type)}, versi {document.Number}", $"ditolak: {document.RejectedReason}")], caller.Actor));
        await db.SaveChangesAsync(ct);
        return null;
    }

    private static string NewTrackingCode()
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return "LCK-" + RandomNumberGenerator.GetString(alphabet, 10);
    }

    private static bool LostRace(Exception e) => e switch
    {
        DbUpdateConcurrencyException => true,
        DbUpdateException { InnerException: DbException inner } => LostRace(inner),
        PostgresException postgres => postgres.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected,
        SqliteException sqlite => sqlite.SqliteErrorCode is 5 or 6 || sqlite.SqliteExtendedErrorCode == 2067,
        _ => false,
    };
}
