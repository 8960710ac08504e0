using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Features.Agreements;
using Sinergi.Features.Notifications;

namespace Sinergi.Features.Participants;

/// <summary>
/// Tells the agreement's OPD (and the admin) of a participant on an agreement in force who is not
/// registered with BPJS Ketenagakerjaan (offset: the participant's id) or whose cover lapsed (minus
/// the id): once each. The message names no one: it goes out by email and webhook, the names stay in Sinergi.
/// </summary>
public sealed class ParticipantsRule : INotificationRule
{
    public const string Name = "participants-uninsured";

    public async Task<IReadOnlyList<Due>> DueAsync(AppDbContext db, string regionCode, DateOnly today, CancellationToken ct)
    {
        if (!await NotificationRuleCatalog.EnabledAsync(db, regionCode, Name, ct))
            return [];
        var inForce = db.Agreements.IgnoreQueryFilters().Where(a => a.RegionCode == regionCode).WhereInForce(today).Select(a => a.Id);
        var open = await ParticipantRegister.Uninsured(db, regionCode, today).Where(p => inForce.Contains(p.AgreementId))
            .OrderBy(p => p.Id).Select(p => new { p.Id, p.AgreementId, p.BpjsRegistered, p.Agreement!.Number, p.Agreement.Title }).ToListAsync(ct);
        return open.Select(p => new Due(Name, NotificationKind.Participants, p.AgreementId, p.BpjsRegistered ? -p.Id : p.Id,
            $"Peserta magang/PKL {(p.BpjsRegistered ? "dengan BPJS Ketenagakerjaan habis berlaku" : "belum terdaftar BPJS Ketenagakerjaan")}: {p.Number ?? p.Title}",
            $"Seorang peserta magang/PKL pada kerja sama {p.Title} {(p.BpjsRegistered ? "masa berlaku BPJS Ketenagakerjaannya telah habis" : "belum terdaftar BPJS Ketenagakerjaan")}. "
            + "Lihat daftar peserta kerja sama ini di Sinergi dan daftarkan peserta tersebut.",
            ToPartners: false)).ToList();
    }
}
