using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Features.Agreements.Registry;
using Sinergi.Features.Proposals;

namespace Sinergi.Features.Tkksd;

/// <summary>The TKKSD's lists, read the same way by the pages, the API, the daily job and the benchmark.</summary>
public static class TkksdQueries
{
    public sealed record MeetingRow(int Id, string Title, DateOnly HeldOn, string Place, int AgendaCount, bool Invited, int? MinutesRevision, bool Approved);

    public sealed record ActionRow(int Id, int MeetingId, string MeetingTitle, string Description, string OwnerId, string OwnerName, DateOnly DueOn,
        ActionItemStatus Status, bool Overdue, int Version);

    /// <summary>A decision of approved notulen about a proposal or an evaluation, with its meeting.</summary>
    public sealed record DecisionRow(int MeetingId, string MeetingTitle, DateOnly HeldOn, int Revision, string Decision);

    public sealed record AgendaProposal(int Id, string Number, string Title, bool AtTkksd);

    /// <summary>
    /// The running proposals a meeting's agenda is picked from: first those in a stage the TKKSD acts
    /// in (read from the region's SOP versions), then by stage due date; the first
    /// <paramref name="take"/>, how many run in all, and the <paramref name="chosen"/> ones wherever they fall.
    /// The first ones are kept in the <see cref="RegistryCache"/> under the region's version, which every
    /// save of a proposal raises; an SOP version never changes once made, and the stages the TKKSD acts
    /// in are part of the key all the same.
    /// </summary>
    public static async Task<(List<AgendaProposal> Rows, int Total)> AgendaProposalsAsync(AppDbContext db, RegistryCache cache, string regionCode,
        IReadOnlyCollection<int> chosen, int take = 100, CancellationToken ct = default)
    {
        var sops = await db.SopVersions.IgnoreQueryFilters().AsNoTracking().Where(s => s.RegionCode == regionCode).ToListAsync(ct);
        List<string> atTkksd = [.. sops.SelectMany(v => v.Stages.Where(s => s.Actors.Contains(Accounts.Roles.Tkksd)).Select(s => ProposalQueries.StageKey(v.Id, s.Code)))];
        var running = db.Proposals.IgnoreQueryFilters().AsNoTracking().Where(p => p.RegionCode == regionCode && p.State == ProposalState.Berjalan);
        IQueryable<Offer> Offered(IQueryable<Proposal> proposals) => proposals.Select(p => new Offer
        {
            Id = p.Id, Year = p.Year, Sequence = p.Sequence, Title = p.Title, DueOn = p.StageDueOn,
            AtTkksd = EF.Parameter(atTkksd).Contains(p.SopVersionId.ToString() + "|" + p.Stage),
        });
        var key = new AgendaKey(regionCode, await RegistryVersions.OfAsync(db, regionCode, null, ct), string.Join(",", atTkksd), take);
        var (first, total) = await cache.GetOrReadAsync(key, async () =>
        {
            var total = await running.CountAsync(ct);
            var rows = await Offered(running).OrderByDescending(p => p.AtTkksd).ThenBy(p => p.DueOn).ThenBy(p => p.Id).Take(take).ToListAsync(ct);
            return ((IReadOnlyList<AgendaProposal>)[.. rows.Select(Numbered)], total);
        }, r => Math.Max(1, r.Item1.Count / 20));
        var missing = chosen.Except(first.Select(r => r.Id)).ToList();
        List<AgendaProposal> all = [.. first];
        if (missing.Count > 0)
            all.AddRange((await Offered(running.Where(p => missing.Contains(p.Id))).ToListAsync(ct)).Select(Numbered));
        return (all, total);
    }

    private sealed class Offer
    {
        public int Id { get; init; }
        public int Year { get; init; }
        public int Sequence { get; init; }
        public string Title { get; init; } = "";
        public DateOnly DueOn { get; init; }
        public bool AtTkksd { get; init; }
    }

    private static AgendaProposal Numbered(Offer p) => new(p.Id, Proposal.FormatNumber(p.Year, p.Sequence), p.Title, p.AtTkksd);

    private sealed record AgendaKey(string Region, long Version, string AtTkksd, int Take);

    /// <summary>
    /// The region's running proposals named by number (<c>USL/2026/0042</c>, separated by commas,
    /// semicolons or lines), or a message naming the numbers that are not.
    /// </summary>
    public static async Task<(List<int> Ids, string? Problem)> RunningProposalsByNumberAsync(AppDbContext db, string regionCode, string? numbers,
        CancellationToken ct = default)
    {
        var texts = (numbers ?? "").Split([',', ';', '\n', '\r'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (texts.Count == 0)
            return ([], null);
        var unreadable = texts.Where(t => !Proposal.TryParseNumber(t, out _, out _)).ToList();
        if (unreadable.Count > 0)
            return ([], $"Nomor usulan {string.Join(", ", unreadable)} tidak dikenali. Tulis seperti {Proposal.FormatNumber(2026, 42)}.");
        var wanted = texts.Select(t => { Proposal.TryParseNumber(t, out var y, out var q); return (Year: y, Sequence: q); }).ToList();
        var years = wanted.Select(w => w.Year).Distinct().ToList();
        var found = await db.Proposals.IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.RegionCode == regionCode && p.State == ProposalState.Berjalan && years.Contains(p.Year))
            .Select(p => new { p.Id, p.Year, p.Sequence }).ToListAsync(ct);
        var ids = new List<int>();
        var unknown = new List<string>();
        foreach (var (w, text) in wanted.Zip(texts))
        {
            if (found.FirstOrDefault(p => p.Year == w.Year && p.Sequence == w.Sequence) is { } hit)
                ids.Add(hit.Id);
            else
                unknown.Add(Proposal.FormatNumber(w.Year, w.Sequence));
        }
        return unknown.Count > 0
            ? ([], $"Usulan {string.Join(", ", unknown)} tidak ditemukan di antara usulan yang sedang berjalan di daerah ini.")
            : (ids, null);
    }

    public static async Task<List<MeetingRow>> MeetingsAsync(AppDbContext db, string regionCode, int take = 200, CancellationToken ct = default)
    {
        var rows = await db.TkksdMeetings.IgnoreQueryFilters().AsNoTracking().Where(m => m.RegionCode == regionCode)
            .OrderByDescending(m => m.HeldOn).ThenByDescending(m => m.Id).Take(take)
            .Select(m => new
            {
                m.Id, m.Title, m.HeldOn, m.Place, Agenda = m.Agenda.Count, m.InvitedAt,
                Latest = db.TkksdMinutes.Where(x => x.MeetingId == m.Id).OrderByDescending(x => x.Revision).Select(x => new { x.Revision, x.ApprovedAt }).FirstOrDefault(),
            }).ToListAsync(ct);
        return [.. rows.Select(m => new MeetingRow(m.Id, m.Title, m.HeldOn, m.Place, m.Agenda, m.InvitedAt != null, m.Latest?.Revision, m.Latest?.ApprovedAt != null))];
    }

    /// <summary>Action items of the region; of one owner (their inbox) or only the overdue ones. Overdue first, then nearest due date.</summary>
    public static async Task<List<ActionRow>> ActionsAsync(AppDbContext db, string regionCode, DateOnly today, string? ownerId = null, bool overdueOnly = false,
        bool openOnly = false, int take = 500, CancellationToken ct = default)
    {
        var query = db.TkksdActionItems.IgnoreQueryFilters().AsNoTracking().Where(a => a.RegionCode == regionCode);
        if (ownerId is not null)
            query = query.Where(a => a.OwnerId == ownerId);
        if (overdueOnly)
            query = query.Where(a => a.Status != ActionItemStatus.Selesai && a.DueOn < today);
        if (openOnly)
            query = query.Where(a => a.Status != ActionItemStatus.Selesai);
        var rows = await query.OrderBy(a => a.Status == ActionItemStatus.Selesai).ThenBy(a => a.DueOn).ThenBy(a => a.Id).Take(take)
            .Join(db.TkksdMeetings.IgnoreQueryFilters(), a => a.MeetingId, m => m.Id, (a, m) => new { a, m.Title })
            .ToListAsync(ct);
        return [.. rows.Select(r => new ActionRow(r.a.Id, r.a.MeetingId, r.Title, r.a.Description, r.a.OwnerId, r.a.OwnerName, r.a.DueOn, r.a.Status,
                r.a.IsOverdueOn(today), r.a.Version))
            .OrderByDescending(r => r.Overdue)];
    }

    public static Task<List<TkksdActionItem>> OverdueAsync(AppDbContext db, string regionCode, DateOnly today, CancellationToken ct = default) =>
        db.TkksdActionItems.IgnoreQueryFilters().AsNoTracking().Where(a => a.RegionCode == regionCode && a.Status != ActionItemStatus.Selesai && a.DueOn < today)
            .OrderBy(a => a.Id).ToListAsync(ct);

    /// <summary>Decisions about a proposal, from each meeting's latest approved notulen.</summary>
    public static Task<List<DecisionRow>> ForProposalAsync(AppDbContext db, int proposalId, CancellationToken ct = default) =>
        DecisionsAsync(db, db.TkksdAgendaItems.Where(a => a.Kind == AgendaKind.Usulan && a.ProposalId == proposalId), ct);

    /// <summary>Decisions about an agreement's evaluation of one period.</summary>
    public static Task<List<DecisionRow>> ForEvaluationAsync(AppDbContext db, int agreementId, string periodCode, CancellationToken ct = default) =>
        DecisionsAsync(db, db.TkksdAgendaItems.Where(a => a.Kind == AgendaKind.Evaluasi && a.AgreementId == agreementId && a.PeriodCode == periodCode), ct);

    private static async Task<List<DecisionRow>> DecisionsAsync(AppDbContext db, IQueryable<TkksdAgendaItem> items, CancellationToken ct)
    {
        var agenda = await items.AsNoTracking().Select(a => new { a.Id, a.MeetingId }).ToListAsync(ct);
        var meetingIds = agenda.Select(a => a.MeetingId).Distinct().ToList();
        if (meetingIds.Count == 0)
            return [];
        var meetings = await db.TkksdMeetings.IgnoreQueryFilters().AsNoTracking().Where(m => meetingIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
        var minutes = (await db.TkksdMinutes.AsNoTracking().Where(m => meetingIds.Contains(m.MeetingId) && m.ApprovedAt != null).ToListAsync(ct))
            .GroupBy(m => m.MeetingId).Select(g => g.MaxBy(m => m.Revision)!).ToDictionary(m => m.MeetingId);
        return [.. agenda.Where(a => minutes.TryGetValue(a.MeetingId, out var m) && m.Decisions.ContainsKey(a.Id))
            .Select(a => new DecisionRow(a.MeetingId, meetings[a.MeetingId].Title, meetings[a.MeetingId].HeldOn, minutes[a.MeetingId].Revision, minutes[a.MeetingId].Decisions[a.Id]))
            .OrderBy(d => d.HeldOn)];
    }
}
