using Microsoft.EntityFrameworkCore;
using Sinergi.Data;

namespace Sinergi.Features.Tkksd;

/// <summary>The TKKSD's lists, read the same way by the pages, the API, the daily job and the benchmark.</summary>
public static class TkksdQueries
{
    public sealed record MeetingRow(int Id, string Title, DateOnly HeldOn, string Place, int AgendaCount, bool Invited, int? MinutesRevision, bool Approved);

    public sealed record ActionRow(int Id, int MeetingId, string MeetingTitle, string Description, string OwnerId, string OwnerName, DateOnly DueOn,
        ActionItemStatus Status, bool Overdue, int Version);

    /// <summary>A decision of approved notulen about a proposal or an evaluation, with its meeting.</summary>
    public sealed record DecisionRow(int MeetingId, string MeetingTitle, DateOnly HeldOn, int Revision, string Decision);

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
