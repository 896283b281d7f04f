using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace Cms.Security;

public static class AuthorizationServiceExtensions
{
    /// <summary>True when the user holds the permission, directly or through one that implies it.</summary>
    public static Task<bool> AuthorizeAsync(this IAuthorizationService service, ClaimsPrincipal user, Permission permission)
        => service.AuthorizeAsync(user, permission, resource: null);

    /// <summary>
    /// True when the user may do what the permission names to the resource. For a content item, demand the
    /// general permission (EditContent): the Contents module's handler applies the owner's ("EditOwnContent")
    /// and the Securable type's ("Edit_NewsCommentary") variants, as Orchard does.
    /// </summary>
    public static async Task<bool> AuthorizeAsync(this IAuthorizationService service, ClaimsPrincipal user, Permission permission, object? resource)
        => (await service.AuthorizeAsync(user, resource, new PermissionRequirement(permission))).Succeeded;
}
