using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Cms.Security;

/// <summary>The one answer to a refused request: a visitor is sent to sign in, a signed-in user gets 403.</summary>
public static class ControllerAuthorizationExtensions
{
    public static IActionResult ChallengeOrForbid(this ControllerBase controller)
        => controller.User.Identity?.IsAuthenticated == true ? controller.Forbid() : controller.Challenge();

    /// <summary>Null when the user holds the permission (for the resource, if one is given); else <see cref="ChallengeOrForbid"/>.</summary>
    public static async Task<IActionResult?> DenyUnlessAsync(
        this ControllerBase controller, IAuthorizationService authorization, Permission permission, object? resource = null)
        => await authorization.AuthorizeAsync(controller.User, permission, resource) ? null : controller.ChallengeOrForbid();
}
