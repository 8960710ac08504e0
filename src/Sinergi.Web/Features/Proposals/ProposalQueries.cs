using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Features.Agreements;

namespace Sinergi.Features.Proposals;

/// <summary>The Usulan list and each person's inbox, read the same way by the page and the API.</summary>
public static class ProposalQueries
{
    public sealed record Row(int Id, string Number, string Title, AgreementKind Kind, string Opd, int OpdId, string Stage, string StageName,
        ProposalState State, DateOnly StageDueOn, bool Overdue, bool DprdRequired, bool FromOffer, int SopVersionId);

    public sealed record Filter(string? Stage = null, int? Opd = null, AgreementKind? Kind = null, bool Overdue = false, ProposalState? State = null);

    public static async Task<List<Row>> ListAsync(AppDbContext db, ProposalCaller caller, Filter filter, DateOnly today, int take = 500, CancellationToken ct = default)
    {
        var query = Proposals.Visible(db, caller).AsNoTracking();
        if (filter.Stage is { } stage)
            query = query.Where(p => p.Stage == stage);
        if (filter.Opd is int opd)
            query = query.Where(p => p.OpdId == opd);
        if (filter.Kind is { } kind)
            query = query.Where(p => p.Kind == kind);
        if (filter.State is { } state)
            query = query.Where(p => p.State == state);
        if (filter.Overdue)
            query = query.Where(p => p.State == ProposalState.Berjalan && p.StageDueOn < today);
        var rows = await query.OrderBy(p => p.State).ThenBy(p => p.StageDueOn).ThenBy(p => p.Id).Take(take)
            .Select(p => new
            {
                p.Id, p.Year, p.Sequence, p.Title, p.Kind, Opd = p.Opd!.ShortName, p.OpdId, p.Stage, p.State, p.StageDueOn, p.FundedInApbd, p.BurdensPublic,
                p.FromOffer, p.SopVersionId,
            }).ToListAsync(ct);
        var sops = await SopsAsync(db, rows.Select(r => r.SopVersionId), ct);
        return [.. rows.Select(p => new Row(p.Id, Proposal.FormatNumber(p.Year, p.Sequence), p.Title, p.Kind, p.Opd, p.OpdId, p.Stage,
            SopVersion.StageName(sops[p.SopVersionId], p.Stage), p.State, p.StageDueOn, p.State == ProposalState.Berjalan && p.StageDueOn < today,
            !p.FundedInApbd || p.BurdensPublic, p.FromOffer, p.SopVersionId))];
    }

    public static async Task<Dictionary<int, SopVersion>> SopsAsync(AppDbContext db, IEnumerable<int> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        return await db.SopVersions.IgnoreQueryFilters().AsNoTracking().Where(s => wanted.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
    }

    /// <summary>What waits for the caller: running proposals whose current stage they act in, nearest deadline first.</summary>
    public static async Task<List<Row>> InboxAsync(AppDbContext db, ProposalCaller caller, DateOnly today, CancellationToken ct = default)
    {
        var running = await ListAsync(db, caller, new Filter(State: ProposalState.Berjalan), today, 2000, ct);
        var sops = await SopsAsync(db, running.Select(r => r.SopVersionId), ct);
        return [.. running.Where(r => sops[r.SopVersionId].Stage(r.Stage) is { } stage
                && stage.Actors.Any(role => caller.Is(role) && (role != Accounts.Roles.OpdOperator || caller.OpdId == r.OpdId)))
            .OrderBy(r => r.StageDueOn).ThenBy(r => r.Id)];
    }
}
