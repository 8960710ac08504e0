using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Sinergi.Web.Auth;
using Sinergi.Web.Domain;

namespace Sinergi.Web.Data;

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
    public DbSet<Import.ImportSession> ImportSessions => Set<Import.ImportSession>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

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

        builder.Entity<Region>(region =>
        {
            region.HasKey(r => r.Code);
            region.Property(r => r.Code).HasMaxLength(5);
            region.Property(r => r.Name).HasMaxLength(100);
            region.Property(r => r.Level).HasConversion<string>().HasMaxLength(10);
            region.Property(r => r.ProvinceCode).HasMaxLength(2);
            region.HasOne(r => r.Province).WithMany().HasForeignKey(r => r.ProvinceCode).OnDelete(DeleteBehavior.Restrict);
            region.HasIndex(r => r.Name);
        });

        builder.Entity<Urusan>(urusan =>
        {
            urusan.HasKey(u => u.Code);
            urusan.Property(u => u.Code).HasMaxLength(5);
            urusan.Property(u => u.Name).HasMaxLength(100);
            urusan.Property(u => u.Group).HasConversion<string>().HasMaxLength(30);
        });

        builder.Entity<Opd>(opd =>
        {
            opd.Property(o => o.RegionCode).HasMaxLength(5);
            opd.Property(o => o.Name).HasMaxLength(200);
            opd.Property(o => o.ShortName).HasMaxLength(40);
            opd.Property(o => o.HeadName).HasMaxLength(120);
            opd.Property(o => o.HeadNip).HasMaxLength(18);
            opd.HasOne(o => o.Region).WithMany().HasForeignKey(o => o.RegionCode).OnDelete(DeleteBehavior.Restrict);
            opd.HasIndex(o => new { o.RegionCode, o.Name }).IsUnique();
            opd.HasIndex(o => new { o.RegionCode, o.ShortName }).IsUnique();
            opd.HasMany(o => o.Urusan).WithMany().UsingEntity(
                "OpdUrusan",
                r => r.HasOne(typeof(Urusan)).WithMany().HasForeignKey("UrusanCode").OnDelete(DeleteBehavior.Restrict),
                l => l.HasOne(typeof(Opd)).WithMany().HasForeignKey("OpdId").OnDelete(DeleteBehavior.Cascade));
            opd.HasQueryFilter(o => Unrestricted || o.RegionCode == CurrentRegion);
        });

        builder.Entity<AppUser>(user =>
        {
            user.Property(u => u.FullName).HasMaxLength(120);
            user.Property(u => u.RegionCode).HasMaxLength(5);
            user.HasOne(u => u.Region).WithMany().HasForeignKey(u => u.RegionCode).OnDelete(DeleteBehavior.Restrict);
            user.HasOne(u => u.Opd).WithMany().HasForeignKey(u => u.OpdId).OnDelete(DeleteBehavior.Restrict);
            user.HasIndex(u => u.RegionCode);
        });

        builder.Entity<AccessToken>(token =>
        {
            token.Property(t => t.Name).HasMaxLength(80);
            token.Property(t => t.Hash).HasMaxLength(64);
            token.Property(t => t.Hint).HasMaxLength(12);
            token.HasIndex(t => t.Hash).IsUnique();
            token.HasOne(t => t.User).WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        RegistryModel.Configure(builder);
        builder.Entity<Import.ImportSession>(session =>
        {
            session.Property(s => s.RegionCode).HasMaxLength(5);
            session.Property(s => s.UserName).HasMaxLength(120);
            session.Property(s => s.FileName).HasMaxLength(255);
            session.Property(s => s.Sha256).HasMaxLength(64);
            session.Property(s => s.Status).HasConversion<string>().HasMaxLength(12);
            session.Property(s => s.Summary).HasMaxLength(200);
            session.Property(s => s.Error).HasMaxLength(1000);
            session.HasIndex(s => new { s.RegionCode, s.CreatedAt });
            session.HasQueryFilter(s => Unrestricted || s.RegionCode == CurrentRegion);
        });
        builder.Entity<Partner>().HasQueryFilter(p => Unrestricted || p.RegionCode == CurrentRegion);
        // The owner sees its agreements; a region that is party to one sees it too.
        builder.Entity<Agreement>().HasQueryFilter(a => Unrestricted || a.RegionCode == CurrentRegion
            || Set<AgreementShare>().Where(s => s.RegionCode == CurrentRegion).Select(s => s.AgreementId).Contains(a.Id));
        // Documents follow their agreement (downloads check the overseers' rights explicitly).
        builder.Entity<AgreementDocument>().HasQueryFilter(d => Unrestricted || d.Agreement!.RegionCode == CurrentRegion
            || d.Agreement.SharedWith.Any(s => s.RegionCode == CurrentRegion));
        builder.Entity<DocumentVersion>().HasQueryFilter(v => Unrestricted || v.Document!.Agreement!.RegionCode == CurrentRegion
            || v.Document.Agreement.SharedWith.Any(s => s.RegionCode == CurrentRegion));

        foreach (var entity in builder.Model.GetEntityTypes().Where(e => typeof(IVersioned).IsAssignableFrom(e.ClrType)))
            builder.Entity(entity.ClrType).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        Stamp();
        if (await RegistryVersions.TouchedAsync(this, cancellationToken) is not { Count: > 0 } touched)
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
        if (RegistryVersions.Touched(this) is not { Count: > 0 } touched)
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
    public void RegistryChanged(IEnumerable<string> regionCodes) => registryChanges.UnionWith(regionCodes);

    internal List<string> TakeRegistryChanges()
    {
        var regions = registryChanges.Order(StringComparer.Ordinal).ToList();
        registryChanges.Clear();
        return regions;
    }

    /// <summary>The time that stamps saved rows (the app's clock, which tests may set).</summary>
    internal DateTime UtcNow => clock.GetUtcNow().UtcDateTime;

    /// <summary>Bumps the version of every changed row and keeps its timestamps.</summary>
    private void Stamp()
    {
        var now = UtcNow;
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State == EntityState.Modified && entry.Entity is IVersioned versioned)
                versioned.Version++;
            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                switch (entry.Entity)
                {
                    case Opd opd:
                        (opd.CreatedAt, opd.UpdatedAt) = (entry.State == EntityState.Added ? now : opd.CreatedAt, now);
                        break;
                    case Partner partner:
                        (partner.CreatedAt, partner.UpdatedAt) = (entry.State == EntityState.Added ? now : partner.CreatedAt, now);
                        break;
                    case Agreement agreement:
                        (agreement.CreatedAt, agreement.UpdatedAt) = (entry.State == EntityState.Added ? now : agreement.CreatedAt, now);
                        break;
                }
            }
        }
    }
}

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options, RegionScope scope, TimeProvider clock)
    : AppDbContext(options, scope, clock);

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options, RegionScope scope, TimeProvider clock)
    : AppDbContext(options, scope, clock);
