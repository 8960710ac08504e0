using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Features.Agreements;
using Sinergi.Features.Agreements.Registry;
using Sinergi.Tenancy;

namespace Sinergi.Features.Proposals;

/// <summary>
/// The Usulan list and each person's inbox, read the same way by the page and the API. Each
/// answer is kept in the <see cref="RegistryCache"/> under the region's registry version, which
/// every save of a proposal raises (<see cref="RegistryVersions"/>), per kind of caller (roles and
/// OPD) and day: a second node never shows a proposal where it was before it moved. The lists
/// handed out are shared: do not change them.
/// </summary>
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
    public static async Task<List<Row>> ListAsync(AppDbContext db, RegionScope scope, RegistryCache cache, ProposalCaller caller, Filter filter, DateOnly today,
        int take = 500, CancellationToken ct = default) =>
        await cache.GetOrReadAsync(new Key("list", await VersionAsync(db, scope, ct), CallerKey(caller), filter, today, take, 0),
            () => RowsAsync(db, Ordered(Filtered(db, caller, filter, today)).Take(take), today, ct), Weight);

    /// <summary>One page of the same list in the same order, with the number of rows in all and the page actually shown (1 to the last).</summary>
    public static async Task<(List<Row> Rows, int Total, int Page)> PageAsync(AppDbContext db, RegionScope scope, RegistryCache cache, ProposalCaller caller,
        Filter filter, DateOnly today, int page, int pageSize = PageSize, CancellationToken ct = default) =>
        await cache.GetOrReadAsync(new Key("page", await VersionAsync(db, scope, ct), CallerKey(caller), filter, today, page, pageSize),
            () => PageAsync(db, caller, filter, today, page, pageSize, ct), r => Weight(r.Rows));

    /// <summary>The first <paramref name="take"/> of what waits for the caller and how many wait in all (<see cref="InboxAsync(AppDbContext, ProposalCaller, DateOnly, int, CancellationToken)"/>), kept like the list.</summary>
    public static async Task<(List<Row> Rows, int Total)> InboxAsync(AppDbContext db, RegionScope scope, RegistryCache cache, ProposalCaller caller, DateOnly today,
        int take, CancellationToken ct = default) =>
        await cache.GetOrReadAsync(new Key("inbox", await VersionAsync(db, scope, ct), CallerKey(caller), null, today, take, 0),
            () => InboxAsync(db, caller, today, take, ct), r => Weight(r.Rows));

    private sealed record Key(string View, RegistryRegion Region, string Caller, Filter? Filter, DateOnly Today, int Page, int PageSize);

    private static Task<RegistryRegion> VersionAsync(AppDbContext db, RegionScope scope, CancellationToken ct) => AgreementSearchQuery.RegionAsync(db, scope, null, ct);

    /// <summary>What decides which proposals a caller sees and acts on: region, roles and OPD.</summary>
    private static string CallerKey(ProposalCaller caller) =>
        $"{caller.RegionCode}|{caller.OpdId}|{string.Join(",", caller.Roles.Order(StringComparer.Ordinal))}";

    private static int Weight(List<Row> rows) => Math.Max(1, rows.Count / 20);

    private static async Task<(List<Row> Rows, int Total, int Page)> PageAsync(AppDbContext db, ProposalCaller caller, Filter filter, DateOnly today, int page,
        int pageSize, CancellationToken ct)
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
    /// rule (<see cref="ProposalCaller.ActsIn"/>) is read from the region's SOP versions as the
    /// stages the caller acts in, in every OPD or in its own, and the database counts and pages the
    /// running proposals in those stages.
    /// </summary>
    public static async Task<(List<Row> Rows, int Total)> InboxAsync(AppDbContext db, ProposalCaller caller, DateOnly today, int take, CancellationToken ct = default)
    {
        var sops = await db.SopVersions.IgnoreQueryFilters().AsNoTracking().Where(s => s.RegionCode == caller.RegionCode).ToListAsync(ct);
        List<string> StagesWhere(Func<SopStage, bool> acts) =>
            [.. sops.SelectMany(v => v.Stages.Where(acts).Select(s => StageKey(v.Id, s.Code)))];
        var everyOpd = StagesWhere(caller.ActsInEveryOpd);
        var ownOpd = caller.OpdId is null ? [] : StagesWhere(caller.ActsForOwnOpd);
        if (everyOpd.Count == 0 && ownOpd.Count == 0)
            return ([], 0);
        var opd = caller.OpdId ?? 0;
        var waiting = Filtered(db, caller, new Filter(State: ProposalState.Berjalan), today)
            .Where(p => EF.Parameter(everyOpd).Contains(p.SopVersionId.ToString() + "|" + p.Stage)
                || (p.OpdId == opd && EF.Parameter(ownOpd).Contains(p.SopVersionId.ToString() + "|" + p.Stage)));
        var total = await waiting.CountAsync(ct);
        var rows = total == 0 ? [] : await RowsAsync(db, Ordered(waiting).Take(take), today, ct);
        return (rows, total);
    }

    /// <summary>A stage of one SOP version as the database can compare it: <c>SopVersionId|Stage</c>.</summary>
    internal static string StageKey(int sopVersionId, string stage) => $"{sopVersionId.ToString(System.Globalization.CultureInfo.InvariantCulture)}|{stage}";
}
