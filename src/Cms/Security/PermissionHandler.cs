using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace Cms.Security;

/// <summary>
/// Grants a permission when one of the user's roles (plus Authenticated or Anonymous) holds it or a
/// permission implying it. Administrators hold every permission. Resource handlers (a content item's)
/// ask it about the variant of the permission that applies to the resource.
/// </summary>
public sealed class PermissionHandler(IRolePermissions rolePermissions) : AuthorizationHandler<PermissionRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if (await IsGrantedAsync(context.User, requirement.Permission))
        {
            context.Succeed(requirement);
        }
    }

    /// <summary>True when the user's roles hold the permission or one implying it.</summary>
    public async Task<bool> IsGrantedAsync(ClaimsPrincipal user, Permission permission)
    {
        var roles = RolesOf(user);
        return roles.Contains(StandardRoles.Administrator) || Grants(await rolePermissions.GetGrantedAsync(roles), permission);
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
