using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sinergi.Features.Opds;
using Sinergi.Features.Regions;

namespace Sinergi.Features.Accounts;

/// <summary>
/// A person who logs in. <see cref="RegionCode"/> is null only for national accounts (the
/// ministry's overseers and system administrators).
/// </summary>
public class AppUser : IdentityUser
{
    public required string FullName { get; set; }
    public string? RegionCode { get; set; }
    public Region? Region { get; set; }
    public int? OpdId { get; set; }
    public Opd? Opd { get; set; }
    public bool IsActive { get; set; } = true;
    public bool MustChangePassword { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? LastLoginAt { get; set; }
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> user)
    {
        user.Property(u => u.FullName).HasMaxLength(120);
        user.Property(u => u.RegionCode).HasMaxLength(5);
        user.HasOne(u => u.Region).WithMany().HasForeignKey(u => u.RegionCode).OnDelete(DeleteBehavior.Restrict);
        user.HasOne(u => u.Opd).WithMany().HasForeignKey(u => u.OpdId).OnDelete(DeleteBehavior.Restrict);
        user.HasIndex(u => u.RegionCode);
    }
}
