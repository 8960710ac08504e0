using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sinergi.Features.Accounts;

/// <summary>
/// A personal access token for the API. Only the SHA-256 of the secret is stored; the secret is
/// shown once, when it is created.
/// </summary>
public class AccessToken
{
    public const string SecretPrefix = "snrg_";

    public int Id { get; set; }
    public required string UserId { get; set; }
    public AppUser? User { get; set; }
    public required string Name { get; set; }
    public required string Hash { get; set; }
    /// <summary>The first characters of the secret, so a person can tell tokens apart.</summary>
    public required string Hint { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ExpiresAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }

    public bool IsUsableAt(DateTime now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);

    public static (AccessToken Token, string Secret) Issue(string userId, string name, DateTime now, DateTime? expiresAt)
    {
        var secret = SecretPrefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var token = new AccessToken
        {
            UserId = userId,
            Name = name,
            Hash = HashOf(secret),
            Hint = secret[..(SecretPrefix.Length + 4)],
            CreatedAt = now,
            ExpiresAt = expiresAt,
        };
        return (token, secret);
    }

    public static string HashOf(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}

/// <summary>How long a new token may live: a token that never expires is a token nobody revokes.</summary>
public static class AccessTokenLifetimes
{
    public const int MaxDays = 365;
    public const int DefaultDays = 90;
    public static readonly IReadOnlyList<int> Choices = [30, 90, 180, 365];
}

internal sealed class AccessTokenConfiguration : IEntityTypeConfiguration<AccessToken>
{
    public void Configure(EntityTypeBuilder<AccessToken> token)
    {
        token.Property(t => t.Name).HasMaxLength(80);
        token.Property(t => t.Hash).HasMaxLength(64);
        token.Property(t => t.Hint).HasMaxLength(12);
        token.HasIndex(t => t.Hash).IsUnique();
        token.HasOne(t => t.User).WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
