using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Sinergi.Audit;
using Sinergi.Features.Accounts;
using Sinergi.Features.Agreements;
using Sinergi.Features.Agreements.Documents;
using Sinergi.Features.Agreements.Registry;
using Sinergi.Features.Budget;
using Sinergi.Features.Import;
using Sinergi.Features.Monitoring;
using Sinergi.Features.Notifications;
using Sinergi.Features.Opds;
using Sinergi.Features.Partners;
using Sinergi.Features.Proposals;
using Sinergi.Features.Regions;
using Sinergi.Features.Settings;
using Sinergi.Tenancy;

namespace Sinergi.Data;

/// <summary>
/// The one DbContext. Each database engine has a subclass that owns its migration set
/// (<see cref="SqliteAppDbContext"/>, <see cref="PostgresAppDbContext"/>); code depends on this type.
/// </summary>
public abstract class AppDbContext(DbContextOptions options, RegionScope scope, TimeProvider clock)
    : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<Region> Regions => Set<Region>();
    public DbSet<Urusan> Urusan => Set<Urusan>();
    public DbSet<Opd> Opds => Set<Opd>();
    public DbSet<AccessToken> AccessTokens => Set<AccessToken>();
    public DbSet<Partner> Partners => Set<Partner>();
    public DbSet<Agreement> Agreements => Set<Agreement>();
    public DbSet<AgreementShare> AgreementShares => Set<AgreementShare>();
    public DbSet<AgreementDocument> AgreementDocuments => Set<AgreementDocument>();
    public DbSet<DocumentVersion> DocumentVersions => Set<DocumentVersion>();
    public DbSet<AgreementSearch> AgreementSearch => Set<AgreementSearch>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<RegionSettings> RegionSettings => Set<RegionSettings>();
    public DbSet<ImportSession> ImportSessions => Set<ImportSession>();
    public DbSet<MonevSettings> MonevSettings => Set<MonevSettings>();
    public DbSet<EvaluationSchedule> EvaluationSchedules => Set<EvaluationSchedule>();
    public DbSet<ImplementationReport> ImplementationReports => Set<ImplementationReport>();
    public DbSet<Assessment> Assessments => Set<Assessment>();
    public DbSet<RegionCriteria> RegionCriteria => Set<RegionCriteria>();
    public DbSet<LokusAssignment> LokusAssignments => Set<LokusAssignment>();
    public DbSet<Indicator> Indicators => Set<Indicator>();
    public DbSet<PerformanceIndicator> PerformanceIndicators => Set<PerformanceIndicator>();
    public DbSet<BudgetLine> BudgetLines => Set<BudgetLine>();
    public DbSet<Obstacle> Obstacles => Set<Obstacle>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<NotificationPreference> NotificationPreferences => Set<NotificationPreference>();
    public DbSet<NotificationDelivery> NotificationDeliveries => Set<NotificationDelivery>();
    public DbSet<NotificationRuleSetting> NotificationRuleSettings => Set<NotificationRuleSetting>();
    public DbSet<RegionWebhook> RegionWebhooks => Set<RegionWebhook>();
    public DbSet<Sinergi.Features.Participants.Participant> Participants => Set<Sinergi.Features.Participants.Participant>();
    public DbSet<Sinergi.Features.Participants.InternshipMark> InternshipMarks => Set<Sinergi.Features.Participants.InternshipMark>();
    public DbSet<SopVersion> SopVersions => Set<SopVersion>();
    public DbSet<Proposal> Proposals => Set<Proposal>();
    public DbSet<ProposalDocument> ProposalDocuments => Set<ProposalDocument>();
    public DbSet<ProposalVote> ProposalVotes => Set<ProposalVote>();
    public DbSet<ProposalCostItem> ProposalCostItems => Set<ProposalCostItem>();
    public DbSet<ProposalSettings> ProposalSettings => Set<ProposalSettings>();
    public DbSet<ProposalMessage> ProposalMessages => Set<ProposalMessage>();
    public DbSet<ProposalSigningSchedule> ProposalSigningSchedules => Set<ProposalSigningSchedule>();
    public DbSet<ProposalRevision> ProposalRevisions => Set<ProposalRevision>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<MonevSummary> MonevSummaries => Set<MonevSummary>();
    public DbSet<Sinergi.Features.Potentials.Potential> Potentials => Set<Sinergi.Features.Potentials.Potential>();
    public DbSet<Sinergi.Features.Potentials.PotentialSettings> PotentialSettings => Set<Sinergi.Features.Potentials.PotentialSettings>();
    public DbSet<Sinergi.Features.Potentials.PotentialScore> PotentialScores => Set<Sinergi.Features.Potentials.PotentialScore>();
    public DbSet<Sinergi.Features.Potentials.PotentialProposal> PotentialProposals => Set<Sinergi.Features.Potentials.PotentialProposal>();
    public DbSet<Sinergi.Features.Potentials.PotentialDocument> PotentialDocuments => Set<Sinergi.Features.Potentials.PotentialDocument>();
    public DbSet<Sinergi.Features.WorkPlans.WorkPlanActivity> WorkPlanActivities => Set<Sinergi.Features.WorkPlans.WorkPlanActivity>();
    public DbSet<Sinergi.Features.WorkPlans.WorkPlanEvidence> WorkPlanEvidence => Set<Sinergi.Features.WorkPlans.WorkPlanEvidence>();
    public DbSet<Sinergi.Features.Tkksd.TkksdDecree> TkksdDecrees => Set<Sinergi.Features.Tkksd.TkksdDecree>();
    public DbSet<Sinergi.Features.Tkksd.TkksdMember> TkksdMembers => Set<Sinergi.Features.Tkksd.TkksdMember>();
    public DbSet<Sinergi.Features.Tkksd.TkksdMeeting> TkksdMeetings => Set<Sinergi.Features.Tkksd.TkksdMeeting>();
    public DbSet<Sinergi.Features.Tkksd.TkksdAgendaItem> TkksdAgendaItems => Set<Sinergi.Features.Tkksd.TkksdAgendaItem>();
    public DbSet<Sinergi.Features.Tkksd.TkksdAttendance> TkksdAttendance => Set<Sinergi.Features.Tkksd.TkksdAttendance>();
    public DbSet<Sinergi.Features.Tkksd.TkksdMinutes> TkksdMinutes => Set<Sinergi.Features.Tkksd.TkksdMinutes>();
    public DbSet<Sinergi.Features.Tkksd.TkksdActionItem> TkksdActionItems => Set<Sinergi.Features.Tkksd.TkksdActionItem>();
    public DbSet<Sinergi.Features.Rollup.RollupSummary> RollupSummaries => Set<Sinergi.Features.Rollup.RollupSummary>();

    // Read by the query filters per query, so one context follows the caller of its request.
    private bool Unrestricted => scope.IsUnrestricted;
    private string? CurrentRegion => scope.RegionCode;

    /// <summary>Instants are stored as UTC and come back marked as UTC on every engine.</summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        configuration.Properties<DateTime>().HaveConversion<UtcConverter>();
        configuration.Properties<DateTime?>().HaveConversion<NullableUtcConverter>();
    }

    private sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(), v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private sealed class NullableUtcConverter() : ValueConverter<DateTime?, DateTime?>(
        v => v == null || v.Value.Kind == DateTimeKind.Utc ? v : v.Value.ToUniversalTime(),
        v => v == null ? v : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc));

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Each entity's mapping is an IEntityTypeConfiguration in the entity's own file.
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

        // Tenancy: the region filters live here, where they can read the context of each query.
        builder.Entity<Opd>().HasQueryFilter(o => Unrestricted || o.RegionCode == CurrentRegion);
        builder.Entity<ImportSession>().HasQueryFilter(s => Unrestricted || s.RegionCode == CurrentRegion);
        builder.Entity<Partner>().HasQueryFilter(p => Unrestricted || p.RegionCode == CurrentRegion);
        builder.Entity<BudgetLine>().HasQueryFilter(l => Unrestricted || l.RegionCode == CurrentRegion);
        // The owner sees its agreements; a region that is party to one sees it too.
        builder.Entity<Agreement>().HasQueryFilter(a => Unrestricted || a.RegionCode == CurrentRegion
            || Set<AgreementShare>().Where(s => s.RegionCode == CurrentRegion).Select(s => s.AgreementId).Contains(a.Id));
        // Documents follow their agreement (downloads check the overseers' rights explicitly).
        builder.Entity<AgreementDocument>().HasQueryFilter(d => Unrestricted || d.Agreement!.RegionCode == CurrentRegion
            || d.Agreement.SharedWith.Any(s => s.RegionCode == CurrentRegion));
        builder.Entity<DocumentVersion>().HasQueryFilter(v => Unrestricted || v.Document!.Agreement!.RegionCode == CurrentRegion
            || v.Document.Agreement.SharedWith.Any(s => s.RegionCode == CurrentRegion));
        // Monitoring reports follow their agreement: whoever reads it reads its reports (overseers through explicit checks).
        builder.Entity<ImplementationReport>().HasQueryFilter(r => Unrestricted || r.Agreement!.RegionCode == CurrentRegion
            || r.Agreement.SharedWith.Any(s => s.RegionCode == CurrentRegion));
        builder.Entity<Assessment>().HasQueryFilter(r => Unrestricted || r.Agreement!.RegionCode == CurrentRegion
            || r.Agreement.SharedWith.Any(s => s.RegionCode == CurrentRegion));
        builder.Entity<Indicator>().HasQueryFilter(i => Unrestricted || i.Agreement!.RegionCode == CurrentRegion
            || i.Agreement.SharedWith.Any(s => s.RegionCode == CurrentRegion));
        builder.Entity<PerformanceIndicator>().HasQueryFilter(p => Unrestricted || p.RegionCode == CurrentRegion);
        builder.Entity<Obstacle>().HasQueryFilter(o => Unrestricted || o.RegionCode == CurrentRegion);
        builder.Entity<Proposal>().HasQueryFilter(p => Unrestricted || p.RegionCode == CurrentRegion);
        builder.Entity<SopVersion>().HasQueryFilter(s => Unrestricted || s.RegionCode == CurrentRegion);
        builder.Entity<LokusAssignment>().HasQueryFilter(l => Unrestricted || l.Opd!.RegionCode == CurrentRegion);
        builder.Entity<Sinergi.Features.Participants.Participant>().HasQueryFilter(p => Unrestricted || p.RegionCode == CurrentRegion);
        builder.Entity<Sinergi.Features.Participants.InternshipMark>().HasQueryFilter(m => Unrestricted || m.RegionCode == CurrentRegion);
        // Potentials and the work plan: the region's own; the province's view reads across its kab/kota explicitly.
        builder.Entity<Sinergi.Features.Potentials.Potential>().HasQueryFilter(p => Unrestricted || p.RegionCode == CurrentRegion);
        builder.Entity<Sinergi.Features.WorkPlans.WorkPlanActivity>().HasQueryFilter(a => Unrestricted || a.RegionCode == CurrentRegion);
        builder.Entity<Sinergi.Features.Tkksd.TkksdDecree>().HasQueryFilter(d => Unrestricted || d.RegionCode == CurrentRegion);
        builder.Entity<Sinergi.Features.Tkksd.TkksdMember>().HasQueryFilter(m => Unrestricted || m.RegionCode == CurrentRegion);
        builder.Entity<Sinergi.Features.Tkksd.TkksdMeeting>().HasQueryFilter(m => Unrestricted || m.RegionCode == CurrentRegion);
        builder.Entity<Sinergi.Features.Tkksd.TkksdActionItem>().HasQueryFilter(a => Unrestricted || a.RegionCode == CurrentRegion);

        foreach (var entity in builder.Model.GetEntityTypes().Where(e => typeof(IVersioned).IsAssignableFrom(e.ClrType)))
            builder.Entity(entity.ClrType).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        Stamp();
        RollupChanged(Sinergi.Features.Rollup.RollupSummaries.Touched(this));
        var touched = await RegistryVersions.TouchedAsync(this, cancellationToken);
        if (touched.Count == 0 && rollupChanges.Count == 0)
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        RegistryChanged(touched);
        // The versions rise when the transaction commits: the caller's, or one of our own.
        if (Database.CurrentTransaction is not null)
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await using var transaction = await Database.BeginTransactionAsync(cancellationToken);
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return saved;
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        Stamp();
        RollupChanged(Sinergi.Features.Rollup.RollupSummaries.Touched(this));
        var touched = RegistryVersions.Touched(this);
        if (touched.Count == 0 && rollupChanges.Count == 0)
            return base.SaveChanges(acceptAllChangesOnSuccess);
        RegistryChanged(touched);
        if (Database.CurrentTransaction is not null)
            return base.SaveChanges(acceptAllChangesOnSuccess);
        using var transaction = Database.BeginTransaction();
        var saved = base.SaveChanges(acceptAllChangesOnSuccess);
        transaction.Commit();
        return saved;
    }

    private readonly HashSet<string> registryChanges = new(StringComparer.Ordinal);

    /// <summary>
    /// Marks regions whose registry changed in the current transaction, for writes the change
    /// tracker does not see (the import's bulk insert); their versions rise when it commits.
    /// </summary>
    public void RegistryChanged(IEnumerable<string> regionCodes)
    {
        var regions = regionCodes.ToList();
        registryChanges.UnionWith(regions);
        rollupChanges.UnionWith(regions);
    }

    private readonly HashSet<string> rollupChanges = new(StringComparer.Ordinal);

    /// <summary>Marks regions whose roll-up figures (<see cref="Sinergi.Features.Rollup.RollupSummary"/>) are reckoned afresh when the transaction commits.</summary>
    public void RollupChanged(IEnumerable<string> regionCodes) => rollupChanges.UnionWith(regionCodes);

    internal List<string> TakeRollupChanges()
    {
        var regions = rollupChanges.Order(StringComparer.Ordinal).ToList();
        rollupChanges.Clear();
        return regions;
    }

    internal TimeProvider Clock => clock;

    internal List<string> TakeRegistryChanges()
    {
        var regions = registryChanges.Order(StringComparer.Ordinal).ToList();
        registryChanges.Clear();
        return regions;
    }

    /// <summary>The app's clock (which tests and daily jobs may set): it stamps saved rows and history entries.</summary>
    public DateTime UtcNow => clock.GetUtcNow().UtcDateTime;

    /// <summary>The region's date on the app's clock, for rules that run below the pages.</summary>
    public DateOnly TodayIn(string? regionCode) => Sinergi.Tenancy.RegionClock.Today(clock, regionCode);

    /// <summary>Bumps the version of every changed row and keeps its timestamps.</summary>
    private void Stamp()
    {
        var now = UtcNow;
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State == EntityState.Modified && entry.Entity is IVersioned versioned)
                versioned.Version++;
            if (entry.Entity is ITimestamped stamped && entry.State is EntityState.Added or EntityState.Modified)
            {
                if (entry.State == EntityState.Added)
                    stamped.CreatedAt = now;
                stamped.UpdatedAt = now;
            }
        }
    }
}

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options, RegionScope scope, TimeProvider clock)
    : AppDbContext(options, scope, clock);

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options, RegionScope scope, TimeProvider clock)
    : AppDbContext(options, scope, clock);
