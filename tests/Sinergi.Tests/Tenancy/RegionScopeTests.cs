using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Sinergi.Features.Accounts;
using Sinergi.Tenancy;
using Sinergi.Tests.Testing;

namespace Sinergi.Tests.Tenancy;

public sealed class RegionScopeTests
{
    private static RegionScope ScopeOf(string? region, params string[] roles)
    {
        var claims = roles.Select(r => new Claim(ClaimTypes.Role, r)).ToList();
        if (region is not null)
            claims.Add(new Claim(SinergiClaims.Region, region));
        var context = new DefaultHttpContext { User = new ClaimsPrincipal(new ClaimsIdentity(claims, "test")) };
        return new RegionScope(new HttpContextAccessor { HttpContext = context });
    }

    [Fact]
    public void Region_account_sees_only_its_own_region()
    {
        var scope = ScopeOf(Demo.Home, Roles.AdminKerjaSama);
        Assert.True(scope.Oversees(Demo.Home));
        Assert.False(scope.Oversees(Demo.PartnerRegion));
        Assert.False(scope.Oversees("62"));
        Assert.Null(scope.OverseenPrefix);
        Assert.False(scope.IsUnrestricted);
    }

    [Fact]
    public void Province_overseer_sees_its_code_and_its_kab_kota_only()
    {
        var scope = ScopeOf("62", Roles.Overseer);
        Assert.True(scope.Oversees("62"));
        Assert.True(scope.Oversees(Demo.Home));
        Assert.False(scope.Oversees("63.71"));
        Assert.False(scope.Oversees("620.1"));
        Assert.Equal("62", scope.OverseenPrefix);
    }

    [Fact]
    public void National_overseer_sees_everything_but_is_still_filtered_as_a_region_account()
    {
        var scope = ScopeOf(null, Roles.Overseer);
        Assert.True(scope.Oversees("11.01"));
        Assert.Equal("", scope.OverseenPrefix);
        Assert.False(scope.IsUnrestricted);
    }

    [Fact]
    public void Anonymous_request_sees_nothing_and_no_request_sees_everything()
    {
        var anonymous = new RegionScope(new HttpContextAccessor { HttpContext = new DefaultHttpContext() });
        Assert.False(anonymous.IsUnrestricted);
        Assert.False(anonymous.Oversees(Demo.Home));
        // The accessor's context flows with the async call; outside any request it is null.
        Assert.True(new RegionScope(new HttpContextAccessor { HttpContext = null }).IsUnrestricted);
    }

    [Fact]
    public void Overseer_roles_are_only_offered_where_they_make_sense_and_only_by_a_system_admin()
    {
        var regionAdmin = new Granter(IsSystemAdmin: false);
        Assert.DoesNotContain(Roles.Overseer, Granter.Server.RolesFor(Demo.Home));
        Assert.Contains(Roles.Overseer, Granter.Server.RolesFor(Demo.Province));
        Assert.DoesNotContain(Roles.SystemAdmin, Granter.Server.RolesFor(Demo.Province));
        Assert.Equal([Roles.AdminKerjaSama, Roles.Tkksd, Roles.OpdOperator, Roles.Pimpinan, Roles.Mitra], regionAdmin.RolesFor(Demo.Province));
        Assert.True(regionAdmin.MayManage([Roles.AdminKerjaSama]));
        Assert.False(regionAdmin.MayManage([Roles.Overseer]));
        Assert.False(regionAdmin.MayManage([Roles.SystemAdmin]));
    }
}
