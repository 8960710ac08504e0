using System.Security.Claims;
using Sinergi.Features.Accounts;

namespace Sinergi.Tenancy;

/// <summary>
/// Who is asking, as far as tenancy goes: the region the caller belongs to, their OPD, and which
/// regions they may oversee. The DbContext filters region-owned rows by <see cref="RegionCode"/>;
/// roll-up queries ask <see cref="Oversees"/> or read across <see cref="OverseenPrefix"/>.
/// </summary>
public sealed class RegionScope(IHttpContextAccessor accessor)
{
    /// <summary>
    /// Outside a request (command-line verbs, seeding, background jobs) nothing narrows the view.
    /// Inside a request an anonymous caller sees nothing region-owned.
    /// </summary>
    public bool IsUnrestricted => accessor.HttpContext is null || (User?.IsInRole(Roles.SystemAdmin) ?? false);

    public string? RegionCode => User?.FindFirstValue(SinergiClaims.Region);

    public int? OpdId => int.TryParse(User?.FindFirstValue(SinergiClaims.Opd), out var id) ? id : null;

    public bool IsOverseer => User?.IsInRole(Roles.Overseer) ?? false;

    public bool IsNational => IsUnrestricted || (IsOverseer && RegionCode is null);

    /// <summary>
    /// A region's own account sees its region; a province overseer also sees every kab/kota of the
    /// province; a national overseer sees all.
    /// </summary>
    public bool Oversees(string regionCode) =>
        regionCode == RegionCode || (OverseenPrefix is { } prefix && RollUp.Covers(prefix, regionCode));

    /// <summary>The region-code prefix an overseer reads across (see <see cref="RollUp"/>); null when nothing beyond the own region.</summary>
    public string? OverseenPrefix => IsNational ? "" : IsOverseer && RegionCode is { Length: 2 } ? RegionCode : null;

    private ClaimsPrincipal? User => accessor.HttpContext?.User;
}

/// <summary>What Sinergi adds to a signed-in principal: the tenancy of the account and its name.</summary>
public static class SinergiClaims
{
    public const string Region = "sinergi:region";
    public const string Opd = "sinergi:opd";
    public const string FullName = "sinergi:name";
    public const string MustChangePassword = "sinergi:must-change-password";
}
