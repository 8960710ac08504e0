using Microsoft.EntityFrameworkCore;
using Sinergi.Features.Participants;

namespace Sinergi.Data;

/// <summary>The KKN stunting PKS with Universitas Palangka Raya places students in Dinkes: three insured, one not registered with BPJS Ketenagakerjaan.</summary>
public static class DemoParticipants
{
    public const string AgreementTitle = "Kuliah Kerja Nyata Tematik Percepatan Penurunan Stunting";

    public static async Task SeedAsync(AppDbContext db, string regionCode, DateOnly today, CancellationToken ct = default)
    {
        if (await db.Participants.IgnoreQueryFilters().AnyAsync(p => p.RegionCode == regionCode, ct))
            return;
        var agreement = await db.Agreements.IgnoreQueryFilters().Include(a => a.Opds)
            .SingleOrDefaultAsync(a => a.RegionCode == regionCode && a.Title == AgreementTitle, ct);
        var dinkes = agreement?.Opds.FirstOrDefault(o => o.ShortName == "Dinkes") ?? agreement?.Opds.FirstOrDefault();
        if (agreement is null || dinkes is null)
            return;
        (string Name, string Nim, string Programme, string? Bpjs)[] students =
        [
            ("Andreas Dwi Saputra", "203010501001", "Kesehatan Masyarakat", "24031500012345"),
            ("Maria Ulfa Rahmawati", "203010501017", "Gizi", "24031500012346"),
            ("Rizky Pratama Ningrat", "203010501023", "Keperawatan", "24031500012347"),
            ("Siti Nurhaliza Putri", "203010501042", "Kesehatan Masyarakat", null),
        ];
        foreach (var s in students)
            db.Participants.Add(new Participant
            {
                RegionCode = regionCode, AgreementId = agreement.Id, Name = s.Name, StudentNumber = s.Nim, Programme = s.Programme, PlacementOpdId = dinkes.Id,
                StartsOn = today.AddDays(-45), EndsOn = today.AddDays(20), Supervisor = "dr. Yuliana Dewi, M.Kes.",
                BpjsRegistered = s.Bpjs is not null, BpjsNumber = s.Bpjs, BpjsValidUntil = s.Bpjs is null ? null : today.AddDays(60),
            });
        await db.SaveChangesAsync(ct);
    }
}
