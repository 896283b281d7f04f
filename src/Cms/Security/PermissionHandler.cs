using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace Cms.Security;

/// <summary>
/// Grants a permission when one of the user's roles (plus Authenticated or Anonymous) holds it or a
/// permission implying it. Administrators hold every permission.
/// </summary>
public sealed class PermissionHandler(IRolePermissions rolePermissions) : AuthorizationHandler<PermissionRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        var roles = RolesOf(context.User);
        if (roles.Contains(StandardRoles.Administrator))
        {
            context.Succeed(requirement);
            return;
        }

        var granted = await rolePermissions.GetGrantedAsync(roles);
        if (Grants(granted, requirement.Permission))
        {
            context.Succeed(requirement);
        }
    }

    public static IReadOnlyList<string> RolesOf(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return [StandardRoles.Anonymous];
        }

        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList();
        roles.Add(StandardRoles.Authenticated);
        return roles;
    }

    private static bool Grants(IReadOnlySet<string> granted, Permission permission)
    {
        if (granted.Contains(permission.Name))
        {
            return true;
        }

        return permission.ImpliedBy?.Any(p => Grants(granted, p)) == true;
    }
}
