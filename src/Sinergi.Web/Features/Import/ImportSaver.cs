using Microsoft.EntityFrameworkCore;
using Sinergi.Audit;
using Sinergi.Data;
using Sinergi.Features.Agreements;
using Sinergi.Features.Agreements.Registry;
using Sinergi.Features.Opds;
using Sinergi.Features.Partners;

namespace Sinergi.Features.Import;

/// <summary>
/// Saves a plan all or nothing, inside one transaction: new partners and OPDs first, then the rows
/// that change an agreement already recorded (through EF, in batches), then the new agreements, each
/// with its lists, history entry and search text (through <see cref="BulkInsert"/>, as a first
/// import of a region's whole list is tens of thousands of rows). A plan with any error saves nothing.
/// </summary>
public static class ImportSaver
{
    private const int BatchSize = 500;

    public static async Task SaveAsync(AppDbContext db, string regionCode, ImportPlan plan, Actor actor, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        if (!plan.CanSave)
            throw new InvalidOperationException("A plan with errors is not saved.");

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var partnerIds = await AddPartnersAsync(db, regionCode, plan, ct);
        var opdIds = await AddOpdsAsync(db, regionCode, plan, ct);
        // A row's draft with the ids of the partners and OPDs just added.
        AgreementDraft Draft(ImportRow r) => (r.Draft! with
        {
            PartnerIds = [.. r.Draft!.PartnerIds, .. r.NewPartnerKeys.Select(k => partnerIds[k])],
            OpdIds = [.. r.Draft.OpdIds, .. r.NewOpdKeys.Select(k => opdIds[k])],
        }).Normalized();
        db.ChangeTracker.Clear();

        var updates = plan.Rows.Where(r => r.Outcome == ImportOutcome.Update).ToList();
        var creates = plan.Rows.Where(r => r.Outcome == ImportOutcome.Create).ToList();
        void Saved(int rows) => progress?.Report(rows * 100 / (updates.Count + creates.Count));
        for (var start = 0; start < updates.Count; start += BatchSize)
        {
            var batch = updates.Skip(start).Take(BatchSize).ToList();
            await UpdateBatchAsync(db, regionCode, plan, batch, Draft, actor, ct);
            db.ChangeTracker.Clear();
            Saved(start + batch.Count);
        }
        await CreateAsync(db, regionCode, plan, creates, Draft, actor, created => Saved(updates.Count + created), ct);
        await transaction.CommitAsync(ct);
        await DatabaseStartup.OptimizeAsync(db, ct);
        progress?.Report(100);
    }

    private static async Task CreateAsync(AppDbContext db, string regionCode, ImportPlan plan, List<ImportRow> rows,
        Func<ImportRow, AgreementDraft> draftOf, Actor actor, Action<int> created, CancellationToken ct)
    {
        if (rows.Count == 0)
            return;
        var lookups = new AgreementLookups(
            await db.Urusan.AsNoTracking().ToDictionaryAsync(u => u.Code, ct),
            await db.Opds.IgnoreQueryFilters().AsNoTracking().Where(o => o.RegionCode == regionCode).ToDictionaryAsync(o => o.Id, ct),
            await db.Partners.IgnoreQueryFilters().AsNoTracking().Where(p => p.RegionCode == regionCode).ToDictionaryAsync(p => p.Id, ct));
        var agreementType = db.Model.FindEntityType(typeof(Agreement))!;
        using var agreements = BulkInsert.Of<Agreement>(db);
        using var urusan = BulkInsert.OfJoin(db, agreementType.FindSkipNavigation(nameof(Agreement.Urusan))!);
        using var opds = BulkInsert.OfJoin(db, agreementType.FindSkipNavigation(nameof(Agreement.Opds))!);
        using var partners = BulkInsert.OfJoin(db, agreementType.FindSkipNavigation(nameof(Agreement.Partners))!);
        using var shares = BulkInsert.Of<AgreementShare>(db);
        using var history = BulkInsert.Of<AuditEvent>(db);
        using var search = BulkInsert.Of<AgreementSearch>(db);

        // These writes bypass the change tracker: the registry versions are raised by name.
        db.RegistryChanged([regionCode]);
        var now = db.UtcNow;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            // What SaveChanges would do for a new agreement: apply the draft, stamp it, write it and its lists.
            var agreement = new Agreement { RegionCode = regionCode, Title = "" };
            draftOf(row).ApplyTo(db, agreement, lookups);
            (agreement.CreatedAt, agreement.UpdatedAt) = (now, now);
            await agreements.InsertAsync(agreement, ct);
            foreach (var item in agreement.Urusan)
                await urusan.InsertAsync(agreement, item, ct);
            foreach (var opd in agreement.Opds)
                await opds.InsertAsync(agreement, opd, ct);
            foreach (var partner in agreement.Partners)
                await partners.InsertAsync(agreement, partner, ct);
            foreach (var share in agreement.SharedWith)
            {
                share.AgreementId = agreement.Id;
                await shares.InsertAsync(share, ct);
                db.RegistryChanged([share.RegionCode]);
            }

            var changes = AgreementHistory.Diff(null, await AgreementHistory.SnapshotAsync(db, agreement, ct));
            changes.Add(Source(plan, row));
            await history.InsertAsync(AgreementHistory.Entry(db, agreement, AuditActions.Created, changes, actor), ct);
            await search.InsertAsync(new AgreementSearch { AgreementId = agreement.Id, RegionCode = regionCode, Body = SearchIndex.Body(agreement, []) }, ct);
            if ((i + 1) % BatchSize == 0 || i == rows.Count - 1)
                created(i + 1);
        }
    }

    /// <summary>Rows that change agreements the region has: loaded, changed and diffed through EF, one batch at a time.</summary>
    private static async Task UpdateBatchAsync(AppDbContext db, string regionCode, ImportPlan plan, List<ImportRow> batch,
        Func<ImportRow, AgreementDraft> draftOf, Actor actor, CancellationToken ct)
    {
        var drafts = batch.ToDictionary(r => r, draftOf);
        var partnerIds = drafts.Values.SelectMany(d => d.PartnerIds).Distinct().ToList();
        var lookups = new AgreementLookups(
            await db.Urusan.ToDictionaryAsync(u => u.Code, ct),
            await db.Opds.IgnoreQueryFilters().Where(o => o.RegionCode == regionCode).ToDictionaryAsync(o => o.Id, ct),
            await db.Partners.IgnoreQueryFilters().Where(p => p.RegionCode == regionCode && partnerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct));
        var updateIds = batch.Select(r => r.ExistingId!.Value).ToList();
        var existing = await db.Agreements.WithLists().Where(a => updateIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);

        var saved = new List<(Agreement Agreement, List<AuditChange> Changes)>();
        foreach (var row in batch)
        {
            var agreement = existing[row.ExistingId!.Value];
            var before = await AgreementHistory.SnapshotAsync(db, agreement, ct);
            drafts[row].ApplyTo(db, agreement, lookups);
            var changes = AgreementHistory.Diff(before, await AgreementHistory.SnapshotAsync(db, agreement, ct));
            changes.Add(Source(plan, row));
            saved.Add((agreement, changes));
        }
        await db.SaveChangesAsync(ct);

        var documentTexts = await DocumentTextsAsync(db, updateIds, ct);
        var searchRows = await db.AgreementSearch.Where(s => updateIds.Contains(s.AgreementId)).ToDictionaryAsync(s => s.AgreementId, ct);
        foreach (var (agreement, changes) in saved)
        {
            db.AuditEvents.Add(AgreementHistory.Entry(db, agreement, AuditActions.Changed, changes, actor));
            var body = SearchIndex.Body(agreement, documentTexts.GetValueOrDefault(agreement.Id) ?? []);
            if (searchRows.TryGetValue(agreement.Id, out var search))
                search.Body = body;
            else
                db.AgreementSearch.Add(new AgreementSearch { AgreementId = agreement.Id, RegionCode = regionCode, Body = body });
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Where a change came from, as the agreement's history shows it.</summary>
    private static AuditChange Source(ImportPlan plan, ImportRow row) => new("Sumber", null, $"Impor {plan.FileName}, baris {row.RowNumber}");

    private static async Task<Dictionary<int, List<(string Title, string FileName, string? Text)>>> DocumentTextsAsync(AppDbContext db, List<int> agreementIds, CancellationToken ct)
    {
        if (agreementIds.Count == 0)
            return [];
        var latest = await db.DocumentVersions
            .Where(v => agreementIds.Contains(v.Document!.AgreementId) && v.Text != null
                && v.Number == db.DocumentVersions.Where(o => o.DocumentId == v.DocumentId).Max(o => o.Number))
            .Select(v => new { v.Document!.AgreementId, v.Document.Title, v.FileName, v.Text })
            .ToListAsync(ct);
        return latest.GroupBy(v => v.AgreementId).ToDictionary(g => g.Key, g => g.Select(v => (v.Title, v.FileName, v.Text)).ToList());
    }

    private static async Task<Dictionary<string, int>> AddPartnersAsync(AppDbContext db, string regionCode, ImportPlan plan, CancellationToken ct)
    {
        var added = new Dictionary<string, Partner>();
        foreach (var item in plan.NewPartners)
        {
            var partner = new Partner { RegionCode = regionCode, Name = "", NormalizedName = "" };
            var draft = new PartnerDraft { Type = item.Type, Name = item.Name, LinkedRegionCode = item.LinkedRegionCode }.Normalized();
            await draft.ApplyToAsync(db, partner, ct);
            db.Partners.Add(partner);
            added[item.Key] = partner;
        }
        await db.SaveChangesAsync(ct);
        return added.ToDictionary(p => p.Key, p => p.Value.Id);
    }

    private static async Task<Dictionary<string, int>> AddOpdsAsync(AppDbContext db, string regionCode, ImportPlan plan, CancellationToken ct)
    {
        var added = plan.NewOpds.ToDictionary(o => o.Key, o => new Opd { RegionCode = regionCode, Name = o.Name, ShortName = o.ShortName });
        db.Opds.AddRange(added.Values);
        await db.SaveChangesAsync(ct);
        return added.ToDictionary(o => o.Key, o => o.Value.Id);
    }
}
