using System.Security.Claims;
using Cms.Security;
using Microsoft.AspNetCore.Authorization;

namespace Modules.Users.Services;

/// <summary>
/// What a user may hand on: only permissions they hold themselves (directly, or through one that implies
/// it). Giving or taking a role, or changing a role's permissions, is checked against it, so nobody with
/// ManageUsers or ManageRoles can raise anyone, themselves included, above their own rights.
/// </summary>
public sealed class HeldPermissions(IAuthorizationService authorization, IPermissionCatalog catalog, IRolePermissions rolePermissions)
{
    /// <summary>The first of the permissions the actor does not hold, or null when they hold them all.</summary>
    public async Task<string?> FirstNotHeldAsync(ClaimsPrincipal actor, IEnumerable<string> permissions)
    {
        if (actor.IsInRole(StandardRoles.Administrator))
        {
            return null;
        }

        IReadOnlySet<string>? granted = null;
        foreach (var name in permissions)
        {
            if (await catalog.FindAsync(name) is { } permission)
            {
                if (!await authorization.AuthorizeAsync(actor, permission))
                {
                    return name;
                }

                continue;
            }

            // A permission of a disabled feature: held only when one of the actor's roles stores it.
            granted ??= await rolePermissions.GetGrantedAsync(PermissionHandler.RolesOf(actor));
            if (!granted.Contains(name))
            {
                return name;
            }
        }

        return null;
    }
}
