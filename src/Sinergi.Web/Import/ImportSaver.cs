using Microsoft.EntityFrameworkCore;
using Sinergi.Web.Data;
using Sinergi.Web.Domain;

namespace Sinergi.Web.Import;

/// <summary>
/// Saves a plan all or nothing: new partners and OPDs first, then every row's agreement with its
/// history entry and search text, in batches inside one transaction. A plan with any error saves
/// nothing.
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

        var rows = plan.Rows.Where(r => r.Outcome is ImportOutcome.Create or ImportOutcome.Update).ToList();
        for (var start = 0; start < rows.Count; start += BatchSize)
        {
            var batch = rows.Skip(start).Take(BatchSize).ToList();
            await SaveBatchAsync(db, regionCode, plan, batch, partnerIds, opdIds, actor, ct);
            db.ChangeTracker.Clear();
            progress?.Report((start + batch.Count) * 100 / rows.Count);
        }
        await transaction.CommitAsync(ct);
        progress?.Report(100);
    }

    private static async Task SaveBatchAsync(AppDbContext db, string regionCode, ImportPlan plan, List<ImportRow> batch,
        Dictionary<string, int> newPartnerIds, Dictionary<string, int> newOpdIds, Actor actor, CancellationToken ct)
    {
        var drafts = batch.ToDictionary(r => r, r => r.Draft! with
        {
            PartnerIds = [.. r.Draft!.PartnerIds, .. r.NewPartnerKeys.Select(k => newPartnerIds[k])],
            OpdIds = [.. r.Draft.OpdIds, .. r.NewOpdKeys.Select(k => newOpdIds[k])],
        });
        var partnerIds = drafts.Values.SelectMany(d => d.PartnerIds).Distinct().ToList();
        var lookups = new AgreementLookups(
            await db.Urusan.ToDictionaryAsync(u => u.Code, ct),
            await db.Opds.IgnoreQueryFilters().Where(o => o.RegionCode == regionCode).ToDictionaryAsync(o => o.Id, ct),
            await db.Partners.IgnoreQueryFilters().Where(p => p.RegionCode == regionCode && partnerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct));
        var updateIds = batch.Where(r => r.ExistingId is not null).Select(r => r.ExistingId!.Value).ToList();
        var existing = await db.Agreements.WithLists().Where(a => updateIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);

        var saved = new List<(Agreement Agreement, ImportRow Row, List<AuditChange> Changes)>();
        foreach (var row in batch)
        {
            var draft = drafts[row].Normalized();
            var agreement = row.ExistingId is int id ? existing[id] : new Agreement { RegionCode = regionCode, Title = "" };
            var before = row.ExistingId is null ? null : await AgreementHistory.SnapshotAsync(db, agreement, ct);
            if (row.ExistingId is null)
                db.Agreements.Add(agreement);
            draft.ApplyTo(db, agreement, lookups);
            var changes = AgreementHistory.Diff(before, await AgreementHistory.SnapshotAsync(db, agreement, ct));
            changes.Add(new AuditChange("Sumber", null, $"Impor {plan.FileName}, baris {row.RowNumber}"));
            saved.Add((agreement, row, changes));
        }
        await db.SaveChangesAsync(ct);

        var documentTexts = await DocumentTextsAsync(db, updateIds, ct);
        var searchRows = await db.AgreementSearch.Where(s => updateIds.Contains(s.AgreementId)).ToDictionaryAsync(s => s.AgreementId, ct);
        foreach (var (agreement, row, changes) in saved)
        {
            db.AuditEvents.Add(AgreementHistory.Entry(agreement, row.ExistingId is null ? AuditActions.Created : AuditActions.Changed, changes, actor));
            var body = SearchIndex.Body(agreement, documentTexts.GetValueOrDefault(agreement.Id) ?? []);
            if (searchRows.TryGetValue(agreement.Id, out var search))
                search.Body = body;
            else
                db.AgreementSearch.Add(new AgreementSearch { AgreementId = agreement.Id, RegionCode = regionCode, Body = body });
        }
        await db.SaveChangesAsync(ct);
    }

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
