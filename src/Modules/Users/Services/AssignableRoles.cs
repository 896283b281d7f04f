using System.Security.Claims;
using Cms.Data;
using Cms.Security;
using Microsoft.EntityFrameworkCore;

namespace Modules.Users.Services;

/// <summary>
/// The roles a user can be put in: all but Anonymous and Authenticated, which every visitor holds
/// implicitly. Whoever gives or takes away a role must hold every permission it grants (so only an
/// Administrator gives or takes the Administrator role): a holder of ManageUsers cannot raise anyone,
/// themselves included, above their own rights. Nobody changes their own roles (UserEditController).
/// </summary>
public sealed class AssignableRoles(CmsDbContext db, IRoleStore roleStore, HeldPermissions held)
{
    public async Task<IReadOnlyList<string>> ListAsync()
        => (await db.Roles.AsNoTracking().Select(r => r.Name ?? "").ToListAsync())
            .Where(IsAssignable)
            .Order(StringComparer.OrdinalIgnoreCase)
            .ToList();

    /// <summary>The problem with this change of roles, or null when the actor may make it.</summary>
    public async Task<string?> CheckAsync(ClaimsPrincipal actor, IEnumerable<string> current, IEnumerable<string> wanted)
    {
        var known = await ListAsync();
        var unknown = wanted.FirstOrDefault(r => !known.Contains(r, StringComparer.OrdinalIgnoreCase));
        if (unknown is not null)
        {
            return $"There is no role '{unknown}' to give.";
        }

        var hadAdministrator = current.Contains(StandardRoles.Administrator, StringComparer.OrdinalIgnoreCase);
        var getsAdministrator = wanted.Contains(StandardRoles.Administrator, StringComparer.OrdinalIgnoreCase);
        if (hadAdministrator != getsAdministrator && !actor.IsInRole(StandardRoles.Administrator))
        {
            return "Only an Administrator may give or take away the Administrator role.";
        }

        var changed = wanted.Except(current, StringComparer.OrdinalIgnoreCase)
            .Concat(current.Except(wanted, StringComparer.OrdinalIgnoreCase))
            .Where(IsAssignable).ToList();
        var roles = await roleStore.ListAsync();
        foreach (var name in changed)
        {
            var role = roles.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));
            if (role is not null && await held.FirstNotHeldAsync(actor, role.Permissions) is { } missing)
            {
                return $"You may not give or take away the role '{role.Name}': it grants '{missing}', which you do not hold yourself.";
            }
        }

        return null;
    }

    /// <summary>Names as stored, whatever case the form used.</summary>
    public async Task<IReadOnlyList<string>> CanonicalAsync(IEnumerable<string> names)
    {
        var known = await ListAsync();
        return names.Select(n => known.FirstOrDefault(k => string.Equals(k, n, StringComparison.OrdinalIgnoreCase)))
            .OfType<string>().Distinct(StringComparer.Ordinal).ToList();
    }

    private static bool IsAssignable(string role)
        => !string.Equals(role, StandardRoles.Anonymous, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(role, StandardRoles.Authenticated, StringComparison.OrdinalIgnoreCase);
}
