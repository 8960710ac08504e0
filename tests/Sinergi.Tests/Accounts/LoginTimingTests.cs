using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sinergi.Features.Accounts;
using Sinergi.Tests.Testing;

namespace Sinergi.Tests.Accounts;

/// <summary>
/// An unknown email must cost the login what a known one costs, or the answer's speed tells who has
/// an account. The password hash is where the time goes (tens of milliseconds of PBKDF2), so the test
/// counts the checks of the app's own hasher instead of timing the answers.
/// </summary>
public abstract class LoginTimingTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SinergiApp
{
    [Fact]
    public async Task Unknown_email_checks_one_password_hash_like_a_known_email_does()
    {
        var checks = new HashChecks();
        await using var counted = app.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
        {
            services.AddSingleton(checks);
            services.AddScoped<IPasswordHasher<AppUser>>(sp =>
                new CountingHasher(new PasswordHasher<AppUser>(sp.GetRequiredService<IOptions<PasswordHasherOptions>>()), checks));
        }));
        var browser = new Browser(counted);

        var known = await browser.LoginAsync(Demo.Accounts.ProvinceOverseer, "SalahSandi123");
        var afterKnown = checks.Verifications;
        var unknown = await browser.LoginAsync("tidak.ada.siapa.pun@sinergi.test", "SalahSandi123");
        var afterUnknown = checks.Verifications - afterKnown;

        Assert.Equal("Email atau kata sandi salah.", known.Text("#login-error"));
        Assert.Equal(known.Text("#login-error"), unknown.Text("#login-error"));
        Assert.Equal(1, afterKnown);
        Assert.Equal(afterKnown, afterUnknown);
    }

    private sealed class HashChecks
    {
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public void Count() => Interlocked.Increment(ref _verifications);
    }

    /// <summary>The real hasher, counting its verifications.</summary>
    private sealed class CountingHasher(PasswordHasher<AppUser> inner, HashChecks checks) : IPasswordHasher<AppUser>
    {
        public string HashPassword(AppUser user, string password) => inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
        {
            checks.Count();
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}

public sealed class LoginTimingTestsOnSqlite(SqliteApp app) : LoginTimingTests<SqliteApp>(app);

public sealed class LoginTimingTestsOnPostgres(PostgresApp app) : LoginTimingTests<PostgresApp>(app);
