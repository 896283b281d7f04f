using Cms.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Security;

/// <summary>Caches every role's permission names; roles change rarely and are read on every check.</summary>
public sealed class RolePermissions(IServiceScopeFactory scopes) : IRolePermissions
{
    private volatile Dictionary<string, HashSet<string>>? _byRole;

    public async Task<IReadOnlySet<string>> GetGrantedAsync(IEnumerable<string> roles)
    {
        var byRole = _byRole ?? await LoadAsync();
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var role in roles)
        {
            if (byRole.TryGetValue(role, out var names))
            {
                result.UnionWith(names);
            }
        }

        return result;
    }

    public void Invalidate() => _byRole = null;

    private async Task<Dictionary<string, HashSet<string>>> LoadAsync()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        var claims = await (from claim in db.RoleClaims.AsNoTracking()
                            join role in db.Roles.AsNoTracking() on claim.RoleId equals role.Id
                            where claim.ClaimType == Permission.ClaimType
                            select new { role.Name, claim.ClaimValue }).ToListAsync();
        var byRole = claims
            .GroupBy(c => c.Name ?? "", StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Select(c => c.ClaimValue ?? "").ToHashSet(StringComparer.Ordinal), StringComparer.OrdinalIgnoreCase);
        _byRole = byRole;
        return byRole;
    }
}
