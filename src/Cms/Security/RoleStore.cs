using Cms.Data;
using Cms.Display;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cms.Security;

/// <summary>
/// Permissions live as role claims. The Administrator role is never given any: it has full access.
/// </summary>
public sealed class RoleStore(LazyDbContext lazyDb, IRolePermissions cache, IPublicCache publicCache) : IRoleStore
{
    private CmsDbContext Db => lazyDb.Context;

    public async Task<IReadOnlyList<RoleInfo>> ListAsync()
    {
        var roles = await Db.Roles.AsNoTracking().OrderBy(r => r.Name).ToListAsync();
        var claims = await Db.RoleClaims.AsNoTracking().Where(c => c.ClaimType == Permission.ClaimType).ToListAsync();
        return roles.Select(r => new RoleInfo(r.Name ?? "", r.Description,
            claims.Where(c => c.RoleId == r.Id).Select(c => c.ClaimValue ?? "").Order(StringComparer.Ordinal).ToList())).ToList();
    }

    public Task AddPermissionsAsync(string role, IEnumerable<string> permissions, string? description = null)
        => ChangeAsync(role, description, (current, wanted) => wanted.Except(current), _ => [], permissions);

    public Task ReplacePermissionsAsync(string role, IEnumerable<string> permissions, string? description = null)
        => ChangeAsync(role, description, (current, wanted) => wanted.Except(current), (pair) => pair.current.Except(pair.wanted), permissions);

    public Task RemovePermissionsAsync(string role, IEnumerable<string> permissions)
        => ChangeAsync(role, null, (_, _) => [], pair => pair.wanted.Intersect(pair.current), permissions);

    private async Task ChangeAsync(
        string roleName,
        string? description,
        Func<HashSet<string>, HashSet<string>, IEnumerable<string>> toAdd,
        Func<(HashSet<string> current, HashSet<string> wanted), IEnumerable<string>> toRemove,
        IEnumerable<string> permissions)
    {
        var normalized = roleName.ToUpperInvariant();
        var role = await Db.Roles.FirstOrDefaultAsync(r => r.NormalizedName == normalized);
        if (role is null)
        {
            role = new CmsRole(roleName) { NormalizedName = normalized, ConcurrencyStamp = Guid.NewGuid().ToString() };
            Db.Roles.Add(role);
        }

        if (description is not null)
        {
            role.Description = description;
        }

        var isAdministrator = string.Equals(role.Name, StandardRoles.Administrator, StringComparison.OrdinalIgnoreCase);
        var wanted = isAdministrator ? [] : permissions.ToHashSet(StringComparer.Ordinal);
        var claims = await Db.RoleClaims.Where(c => c.RoleId == role.Id && c.ClaimType == Permission.ClaimType).ToListAsync();
        var current = claims.Select(c => c.ClaimValue ?? "").ToHashSet(StringComparer.Ordinal);
        foreach (var name in toAdd(current, wanted).ToList())
        {
            Db.RoleClaims.Add(new IdentityRoleClaim<string> { RoleId = role.Id, ClaimType = Permission.ClaimType, ClaimValue = name });
        }

        var removing = toRemove((current, wanted)).ToHashSet(StringComparer.Ordinal);
        Db.RoleClaims.RemoveRange(claims.Where(c => removing.Contains(c.ClaimValue ?? "")));
        Db.AfterCommit(() =>
        {
            cache.Invalidate();

            // Who may view content decides what anonymous readers are served from the cache.
            return publicCache.EvictAllAsync();
        });
        await Db.SaveChangesAsync();

        // Other nodes drop their cached role permissions when this signal moves (inside the same transaction).
        await PublicCache.BumpAsync(Db, Hosting.ClusterSignals.RolesSignal);
    }
}
