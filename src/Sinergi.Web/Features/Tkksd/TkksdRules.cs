using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Features.Accounts;
using Sinergi.Features.Notifications;
using Sinergi.Web;

namespace Sinergi.Features.Tkksd;

/// <summary>
/// The TKKSD's term: 90, 30 and 7 days before the current SK's term ends (offset: the smallest of those
/// not before the days left, so a missed day is caught up), to the admin and the members.
/// </summary>
public sealed class TkksdTermRule : INotificationRule
{
    public const string Name = "tkksd-term";
    private static readonly int[] Offsets = [7, 30, TkksdRegister.TermWarningDays];

    public async Task<IReadOnlyList<Due>> DueAsync(AppDbContext db, string regionCode, DateOnly today, CancellationToken ct)
    {
        if (!await NotificationRuleCatalog.EnabledAsync(db, regionCode, Name, ct) || await TkksdRegister.CurrentDecreeAsync(db, regionCode, today, ct) is not { } decree)
            return [];
        var left = decree.TermEnd.DayNumber - today.DayNumber;
        if (left < 0 || left > Offsets[^1])
            return [];
        var members = (await TkksdRegister.MembersOnAsync(db, regionCode, today, ct)).Select(m => m.UserId).ToList();
        return [new Due(Name, NotificationKind.Tkksd, decree.Id, Offsets.First(o => o >= left),
            $"Masa tugas TKKSD berakhir {Indonesian.Date(decree.TermEnd)}", TkksdRegister.TermWarning(decree, today)!, ToPartners: false, "/Tkksd/Members", members)];
    }
}

/// <summary>Action items past their due date and not done: escalated once to their owner, the admin and the TKKSD's chair (offset 0: one message per item).</summary>
public sealed class ActionItemOverdueRule : INotificationRule
{
    public const string Name = "tkksd-action-overdue";

    public async Task<IReadOnlyList<Due>> DueAsync(AppDbContext db, string regionCode, DateOnly today, CancellationToken ct)
    {
        if (!await NotificationRuleCatalog.EnabledAsync(db, regionCode, Name, ct))
            return [];
        var late = await TkksdQueries.OverdueAsync(db, regionCode, today, ct);
        if (late.Count == 0)
            return [];
        var chairs = (await TkksdRegister.MembersOnAsync(db, regionCode, today, ct)).Where(m => m.Position == TkksdPosition.Ketua).Select(m => m.UserId).ToList();
        return late.Select(a => new Due(Name, NotificationKind.Tkksd, a.Id, 0,
            $"Tindak lanjut rapat TKKSD terlambat: batas {Indonesian.Date(a.DueOn)}",
            $"{a.Description} (penanggung jawab {a.OwnerName}) seharusnya selesai pada {Indonesian.Date(a.DueOn)} dan dieskalasi kepada Admin dan ketua TKKSD.",
            ToPartners: false, $"/Tkksd/Meetings/{a.MeetingId}#actions", [a.OwnerId, .. chairs])).ToList();
    }
}
