using Microsoft.AspNetCore.Identity;

namespace Sinergi.Web.Domain;

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
