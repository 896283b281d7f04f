using System.Security.Cryptography;
using System.Text;
using Cms.Data;
using Microsoft.EntityFrameworkCore;
using Modules.ContentApi.Models;
using Modules.ContentApi.Security;

namespace Modules.ContentApi.Services;

/// <summary>A token just made: its row, and the secret, which is shown once and never stored.</summary>
public sealed record NewApiToken(ApiToken Token, string Secret);

/// <summary>Makes, lists, revokes and checks personal access tokens; the one owner of the ApiToken table.</summary>
public sealed class ApiTokens(CmsDbContext db, TimeProvider clock)
{
    /// <summary>Every token starts so, which lets secret scanners (and people) recognise one.</summary>
    public const string Prefix = "ncpat_";

    public const int MaxPerUser = 20;

    public static readonly TimeSpan LastUsedPrecision = TimeSpan.FromMinutes(1);

    public async Task<NewApiToken> CreateAsync(string userId, string name, string scope, DateTime expiresUtc)
    {
        var secret = Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var token = new ApiToken
        {
            UserId = userId,
            Name = name,
            Scope = scope,
            SecretHash = Hash(secret),
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
            ExpiresUtc = expiresUtc,
        };
        db.Set<ApiToken>().Add(token);
        await db.SaveChangesAsync();
        return new NewApiToken(token, secret);
    }

    /// <summary>The user's tokens not revoked, newest first.</summary>
    public async Task<IReadOnlyList<ApiToken>> ListAsync(string userId)
        => await db.Set<ApiToken>().AsNoTracking()
            .Where(t => t.UserId == userId && t.RevokedUtc == null)
            .OrderByDescending(t => t.CreatedUtc).ThenByDescending(t => t.Id)
            .ToListAsync();

    public Task<int> CountAsync(string userId) => db.Set<ApiToken>().CountAsync(t => t.UserId == userId && t.RevokedUtc == null);

    /// <summary>Revokes one of the user's own tokens; false when the user has no such token.</summary>
    public async Task<bool> RevokeAsync(string userId, long id)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.Set<ApiToken>()
            .Where(t => t.Id == id && t.UserId == userId && t.RevokedUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedUtc, now)) > 0;
    }

    /// <summary>The live token with this secret, or why there is none (unknown, revoked, expired), in words a client can show.</summary>
    public async Task<(ApiToken? Token, string Problem)> FindAsync(string secret)
    {
        if (!secret.StartsWith(Prefix, StringComparison.Ordinal) || secret.Length > 100)
        {
            return (null, "The bearer token is not a personal access token of this site.");
        }

        var hash = Hash(secret);
        var token = await db.Set<ApiToken>().AsNoTracking().FirstOrDefaultAsync(t => t.SecretHash == hash);
        var now = clock.GetUtcNow().UtcDateTime;
        if (token is null)
        {
            return (null, "The personal access token is unknown: it may have been mistyped, or made on another site.");
        }

        if (token.RevokedUtc is not null)
        {
            return (null, $"The personal access token \"{token.Name}\" has been revoked.");
        }

        if (token.ExpiresUtc <= now)
        {
            return (null, $"The personal access token \"{token.Name}\" expired on {token.ExpiresUtc:yyyy-MM-dd HH:mm} UTC.");
        }

        // "Last used" to the minute: one write a minute per busy token, not one per request.
        if (token.LastUsedUtc is null || now - token.LastUsedUtc >= LastUsedPrecision)
        {
            await db.Set<ApiToken>().Where(t => t.Id == token.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedUtc, now));
        }

        return (token, "");
    }

    public static bool IsScope(string? scope) => scope is ApiTokenAuthentication.ReadScope or ApiTokenAuthentication.WriteScope;

    /// <summary>Lower-case hex SHA-256 of the token: what the table holds instead of the secret.</summary>
    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
