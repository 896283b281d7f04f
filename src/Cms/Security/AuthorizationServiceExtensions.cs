using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace Cms.Security;

public static class AuthorizationServiceExtensions
{
    /// <summary>True when the user holds the permission, directly or through one that implies it.</summary>
    public static async Task<bool> AuthorizeAsync(this IAuthorizationService service, ClaimsPrincipal user, Permission permission)
        => (await service.AuthorizeAsync(user, resource: null, new PermissionRequirement(permission))).Succeeded;
}
