using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sinergi.Audit;
using Sinergi.Data;
using Sinergi.Tenancy;

namespace Sinergi.Features.Proposals;

public enum SigningMode
{
    DeskToDesk,
    Seremonial,
    Hybrid,
}

/// <summary>
/// One scheduling of a proposal's signing in one signing stage. Rescheduling adds a row and keeps
/// the earlier ones, so the history says who moved it, when and why; the newest row is the schedule.
/// </summary>
public class ProposalSigningSchedule
{
    public int Id { get; set; }
    public int ProposalId { get; set; }
    public required string Stage { get; set; }
    public SigningMode Mode { get; set; }
    public DateOnly Date { get; set; }
    public TimeOnly? Time { get; set; }
    public string? Place { get; set; }
    public string? Agenda { get; set; }
    /// <summary>Why it was moved; empty for the first scheduling.</summary>
    public string? Reason { get; set; }
    public DateTime At { get; set; }
    public string? ById { get; set; }
    public required string ByName { get; set; }
}

internal sealed class ProposalSigningScheduleConfiguration : IEntityTypeConfiguration<ProposalSigningSchedule>
{
    public void Configure(EntityTypeBuilder<ProposalSigningSchedule> schedule)
    {
        schedule.Property(s => s.Stage).HasMaxLength(40);
        schedule.Property(s => s.Mode).HasConversion<string>().HasMaxLength(12);
        schedule.Property(s => s.Place).HasMaxLength(300);
        schedule.Property(s => s.Agenda).HasMaxLength(2000);
        schedule.Property(s => s.Reason).HasMaxLength(1000);
        schedule.Property(s => s.ByName).HasMaxLength(120);
        schedule.HasOne<Proposal>().WithMany().HasForeignKey(s => s.ProposalId).OnDelete(DeleteBehavior.Cascade);
        schedule.HasIndex(s => new { s.ProposalId, s.Stage, s.At });
    }
}

/// <summary>What a person asks for when scheduling; the page, the API and the demo send the same.</summary>
public sealed record SigningRequest(SigningMode? Mode, DateOnly? Date, string? Time, string? Place, string? Agenda, string? Reason);

/// <summary>
/// The signing stages of a proposal (a stage that requires a signed KB, PKS or Nota Kesepakatan):
/// scheduling and rescheduling, and the signing date the stage's forward move records.
/// </summary>
public static class ProposalSigning
{
    public static readonly string[] SignedTypes =
        [ProposalDocumentTypes.KbBertandatangan, ProposalDocumentTypes.PksBertandatangan, ProposalDocumentTypes.NotaKesepakatanBertandatangan];

    public static bool IsSigningStage(SopStage? stage) => stage is not null && stage.Documents.Any(SignedTypes.Contains);

    public static string ModeLabel(SigningMode mode) => mode switch
    {
        SigningMode.Seremonial => "Seremonial",
        SigningMode.Hybrid => "Hybrid",
        _ => "Desk to desk",
    };

    public static string Describe(ProposalSigningSchedule s) =>
        $"{ModeLabel(s.Mode)}, {Web.Indonesian.Date(s.Date)}{(s.Time is { } t ? $" pukul {t:HH\\.mm} WIB" : "")}{(s.Place is null ? "" : $", {s.Place}")}";

    /// <summary>Who schedules: the actors of a signing stage; outside one, only the region's admin is told "not now" rather than "not you".</summary>
    public static bool MaySchedule(ProposalCaller caller, Proposal proposal, SopStage? stage) =>
        IsSigningStage(stage) && proposal.State == ProposalState.Berjalan ? caller.ActsIn(proposal, stage!)
            : caller.RegionCode == proposal.RegionCode && caller.Is(Accounts.Roles.AdminKerjaSama);

    /// <summary>Every scheduling of the proposal, newest first.</summary>
    public static Task<List<ProposalSigningSchedule>> HistoryAsync(AppDbContext db, int proposalId, CancellationToken ct = default) =>
        db.Set<ProposalSigningSchedule>().AsNoTracking().Where(s => s.ProposalId == proposalId).OrderByDescending(s => s.At).ThenByDescending(s => s.Id).ToListAsync(ct);

    /// <summary>The schedule in force for a stage: its newest row.</summary>
    public static Task<ProposalSigningSchedule?> CurrentAsync(AppDbContext db, int proposalId, string stage, CancellationToken ct = default) =>
        db.Set<ProposalSigningSchedule>().AsNoTracking().Where(s => s.ProposalId == proposalId && s.Stage == stage)
            .OrderByDescending(s => s.At).ThenByDescending(s => s.Id).FirstOrDefaultAsync(ct);

    /// <summary>
    /// Schedules (or reschedules) the signing of the proposal's current stage. Only the stage's actors
    /// may; the date is today or later, a seremonial or hybrid signing has a place, and a reschedule
    /// says why. Nothing is saved when a rule fails: the problems come back by field.
    /// </summary>
    public static async Task<(ProposalSigningSchedule? Saved, Dictionary<string, string[]> Problems, bool Forbidden)> ScheduleAsync(AppDbContext db, ProposalCaller caller,
        Proposal proposal, SigningRequest request, TimeProvider clock, CancellationToken ct = default)
    {
        var stage = proposal.Sop?.Stage(proposal.Stage);
        if (!MaySchedule(caller, proposal, stage))
            return (null, new() { ["Stage"] = [stage is null ? "Penandatanganan dijadwalkan oleh Admin Kerja Sama." : $"Penandatanganan dijadwalkan oleh {ProposalWorkflow.Actors(stage)}."] }, true);
        if (!IsSigningStage(stage) || proposal.State != ProposalState.Berjalan)
            return (null, new() { ["Stage"] = ["Penandatanganan hanya dijadwalkan ketika usulan berada pada tahap penandatanganan."] }, false);
        var today = RegionClock.Today(clock, proposal.RegionCode);
        var previous = await CurrentAsync(db, proposal.Id, stage!.Code, ct);
        var problems = new Dictionary<string, string[]>();
        void Add(string field, string message) => problems[field] = [message];
        var place = Web.Text.Clean(request.Place);
        var agenda = Web.Text.CleanLines(request.Agenda);
        var reason = Web.Text.CleanLines(request.Reason);
        TimeOnly? time = null;
        if (request.Mode is not { } mode || !Enum.IsDefined(mode))
            Add(nameof(SigningRequest.Mode), "Pilih cara penandatanganan: desk to desk, seremonial atau hybrid.");
        if (request.Date is not { } date)
            Add(nameof(SigningRequest.Date), "Isi tanggal penandatanganan.");
        else if (date < today)
            Add(nameof(SigningRequest.Date), $"Tanggal penandatanganan tidak boleh sebelum hari ini ({Web.Indonesian.Date(today)}).");
        else if (date > today.AddYears(2))
            Add(nameof(SigningRequest.Date), "Tanggal penandatanganan paling jauh dua tahun dari hari ini.");
        if (Web.Text.Clean(request.Time) is { } text)
        {
            if (TimeOnly.TryParseExact(text.Replace('.', ':'), ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                time = parsed;
            else
                Add(nameof(SigningRequest.Time), "Jam ditulis seperti 09.30 (boleh dikosongkan).");
        }
        if (request.Mode is SigningMode.Seremonial or SigningMode.Hybrid && place is null)
            Add(nameof(SigningRequest.Place), "Isi tempat penandatanganan; penandatanganan seremonial dan hybrid perlu tempat.");
        if (place?.Length > 300)
            Add(nameof(SigningRequest.Place), "Tempat paling panjang 300 karakter.");
        if (agenda?.Length > 2000)
            Add(nameof(SigningRequest.Agenda), "Acara paling panjang 2.000 karakter.");
        if (previous is not null && reason is null)
            Add(nameof(SigningRequest.Reason), "Tuliskan alasan penjadwalan ulang.");
        if (reason?.Length > 1000)
            Add(nameof(SigningRequest.Reason), "Alasan paling panjang 1.000 karakter.");
        if (problems.Count > 0)
            return (null, problems, false);

        var saved = new ProposalSigningSchedule
        {
            ProposalId = proposal.Id, Stage = stage.Code, Mode = request.Mode!.Value, Date = request.Date!.Value, Time = time,
            Place = place, Agenda = agenda, Reason = previous is null ? null : reason,
            At = db.UtcNow, ById = caller.Actor.UserId, ByName = caller.Actor.Name,
        };
        db.Add(saved);
        db.AuditEvents.Add(AuditTrail.Entry(db, proposal.RegionCode, AuditEntities.Proposal, proposal.Id, previous is null ? "Penandatanganan dijadwalkan" : "Penandatanganan dijadwalkan ulang",
            [new AuditChange("Jadwal penandatanganan", previous is null ? null : Describe(previous), Describe(saved)), .. reason is null || previous is null ? Array.Empty<AuditChange>() : [new AuditChange("Alasan", null, reason)]],
            caller.Actor));
        await db.SaveChangesAsync(ct);
        return (saved, problems, false);
    }

    /// <summary>
    /// The signing date a signing stage's forward move records: the date entered, or else the
    /// scheduled date once it has come; never a day after today.
    /// </summary>
    public static async Task<(DateOnly? SignedOn, string? Error)> SignedOnAsync(AppDbContext db, Proposal proposal, SopStage stage, DateOnly? entered, DateOnly today, CancellationToken ct)
    {
        var date = entered;
        if (date is null && await CurrentAsync(db, proposal.Id, stage.Code, ct) is { } schedule && schedule.Date <= today)
            date = schedule.Date;
        if (date is null)
            return (null, "Isi tanggal penandatanganan yang sebenarnya.");
        if (date > today)
            return (null, $"Tanggal penandatanganan tidak boleh sesudah hari ini ({Web.Indonesian.Date(today)}).");
        if (date < today.AddYears(-5))
            return (null, "Tanggal penandatanganan terlalu jauh ke belakang; periksa kembali tahunnya.");
        return (date, null);
    }
}
