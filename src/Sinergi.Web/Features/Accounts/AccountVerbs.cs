using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Sinergi.Cli;
using Sinergi.Data;

namespace Sinergi.Features.Accounts;

internal static class Accounts
{
    /// <summary>The first Admin Kerja Sama of a region (or, with --system, a system admin).</summary>
    public static async Task<int> CreateAdminAsync(IServiceProvider root, VerbArguments args, TextWriter output)
    {
        using var scope = root.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AppDbContext>();
        var email = args.Required("email");
        var name = args.Required("name");
        var system = args.Has("system");
        string? regionCode = null;
        if (!system)
        {
            regionCode = args.Required("region");
            var region = await db.Regions.FindAsync(regionCode)
                ?? throw new VerbException($"Wilayah dengan kode '{regionCode}' tidak ada. Contoh kode: 62.71 (Kota Palangkaraya), 62 (Kalimantan Tengah).", 2);
            regionCode = region.Code;
        }

        var generated = args.Optional("password") is null;
        var password = args.Optional("password") ?? UserAccounts.TemporaryPassword();
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var clock = services.GetRequiredService<TimeProvider>();
        var (_, result) = await UserAccounts.CreateAsync(users, Granter.Server,
            new(email, name, system ? Roles.SystemAdmin : Roles.AdminKerjaSama, regionCode, null, password, MustChangePassword: generated),
            clock.GetUtcNow().UtcDateTime);
        if (!result.Succeeded)
            throw new VerbException("Akun tidak dibuat: " + string.Join(" ", result.Errors.Select(e => e.Description)));

        await output.WriteLineAsync($"Akun {(system ? "Admin Sistem" : $"Admin Kerja Sama wilayah {regionCode}")} dibuat: {email}");
        if (generated)
            await output.WriteLineAsync($"Kata sandi sementara (wajib diganti saat login pertama): {password}");
        return 0;
    }

    /// <summary>Prints a new personal access token as the last line, for scripts to read.</summary>
    public static async Task<int> CreateTokenAsync(IServiceProvider root, VerbArguments args, TextWriter output)
    {
        using var scope = root.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AppDbContext>();
        var email = args.Required("email");
        var name = args.Optional("name") ?? "Baris perintah";
        var daysText = args.Optional("days") ?? "90";
        if (!int.TryParse(daysText, out var days) || days is < 1 or > AccessTokenLifetimes.MaxDays)
            throw new VerbException($"--days harus bilangan 1 sampai {AccessTokenLifetimes.MaxDays}.", 2);

        var normalized = email.Trim().ToUpperInvariant();
        var user = await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == normalized)
            ?? throw new VerbException($"Tidak ada akun dengan email {email}.");
        if (!user.IsActive)
            throw new VerbException($"Akun {email} nonaktif; token tidak dibuat.");

        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var (token, secret) = AccessToken.Issue(user.Id, name, now, now.AddDays(days));
        db.AccessTokens.Add(token);
        await db.SaveChangesAsync();
        await output.WriteLineAsync($"Token '{name}' untuk {user.Email} berlaku sampai {Sinergi.Web.Indonesian.Date(token.ExpiresAt!.Value, user.RegionCode)}.");
        await output.WriteLineAsync("Simpan token ini sekarang; Sinergi hanya menyimpan sidik SHA-256-nya.");
        await output.WriteLineAsync(secret);
        return 0;
    }
}
