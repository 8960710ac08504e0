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

    /// <summary>Rows on a page of the Usulan list, as the registry's list pages.</summary>
    public const int PageSize = 25;

    /// <summary>Rows of what waits for the caller shown on the Usulan list and the TKKSD section; the count says how many there are in all.</summary>
    public const int InboxShown = 10;

    /// <summary>The list as the API reads it: at most <paramref name="take"/> rows.</summary>
    public static Task<List<Row>> ListAsync(AppDbContext db, ProposalCaller caller, Filter filter, DateOnly today, int take = 500, CancellationToken ct = default) =>
        RowsAsync(db, Ordered(Filtered(db, caller, filter, today)).Take(take), today, ct);

    /// <summary>One page of the same list in the same order, with the number of rows in all and the page actually shown (1 to the last).</summary>
    public static async Task<(List<Row> Rows, int Total, int Page)> PageAsync(AppDbContext db, ProposalCaller caller, Filter filter, DateOnly today, int page,
        int pageSize = PageSize, CancellationToken ct = default)
    {
        var query = Filtered(db, caller, filter, today);
        var total = await query.CountAsync(ct);
        page = Math.Clamp(page, 1, Math.Max(1, (total + pageSize - 1) / pageSize));
        return (await RowsAsync(db, Ordered(query).Skip((page - 1) * pageSize).Take(pageSize), today, ct), total, page);
    }

    private static IQueryable<Proposal> Filtered(AppDbContext db, ProposalCaller caller, Filter filter, DateOnly today)
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
        return query;
    }

    private static IOrderedQueryable<Proposal> Ordered(IQueryable<Proposal> query) => query.OrderBy(p => p.State).ThenBy(p => p.StageDueOn).ThenBy(p => p.Id);

    private static async Task<List<Row>> RowsAsync(AppDbContext db, IQueryable<Proposal> query, DateOnly today, CancellationToken ct)
    {
        var rows = await query
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
    public static async Task<List<Row>> InboxAsync(AppDbContext db, ProposalCaller caller, DateOnly today, CancellationToken ct = default) =>
        (await InboxAsync(db, caller, today, 2000, ct)).Rows;

    /// <summary>
    /// The first <paramref name="take"/> of what waits for the caller and how many wait in all. The
    /// rule is checked on the running proposals' stage, OPD and SOP version only (narrow rows);
    /// the whole rows are read for the ones shown.
    /// </summary>
    public static async Task<(List<Row> Rows, int Total)> InboxAsync(AppDbContext db, ProposalCaller caller, DateOnly today, int take, CancellationToken ct = default)
    {
        var running = await Ordered(Filtered(db, caller, new Filter(State: ProposalState.Berjalan), today))
            .Select(p => new { p.Id, p.Stage, p.OpdId, p.SopVersionId }).ToListAsync(ct);
        var sops = await SopsAsync(db, running.Select(r => r.SopVersionId), ct);
        var waiting = running.Where(r => sops[r.SopVersionId].Stage(r.Stage) is { } stage
                && stage.Actors.Any(role => caller.Is(role) && (role != Accounts.Roles.OpdOperator || caller.OpdId == r.OpdId)))
            .Select(r => r.Id).ToList();
        var shown = waiting.Take(take).ToList();
        var rows = await RowsAsync(db, db.Proposals.IgnoreQueryFilters().AsNoTracking().Where(p => shown.Contains(p.Id)), today, ct);
        return ([.. rows.OrderBy(r => r.StageDueOn).ThenBy(r => r.Id)], waiting.Count);
    }
}
