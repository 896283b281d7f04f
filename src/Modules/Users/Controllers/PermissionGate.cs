using Cms.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Modules.Users.Controllers;

internal static class PermissionGate
{
    /// <summary>Null when the user holds the permission; else sign-in for a visitor, 403 for a signed-in user.</summary>
    public static async Task<IActionResult?> DenyUnlessAsync(this Controller controller, IAuthorizationService authorization, Permission permission)
    {
        if (await authorization.AuthorizeAsync(controller.User, permission))
        {
            return null;
        }

        return controller.User.Identity?.IsAuthenticated == true ? controller.Forbid() : controller.Challenge();
    }
}
