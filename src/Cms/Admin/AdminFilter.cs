using Cms.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Cms.Admin;

/// <summary>
/// Keeps the admin area to those who hold AccessAdminPanel: a visitor who is not signed in is sent
/// to sign in (and back), a signed-in user without it gets 403. Nothing else runs for them.
/// </summary>
public sealed class AdminFilter(IAuthorizationService authorization) : IAsyncAuthorizationFilter
{
    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        if (!IsAdmin(context))
        {
            return;
        }

        var user = context.HttpContext.User;
        if (user.Identity?.IsAuthenticated != true)
        {
            context.Result = new ChallengeResult();
            return;
        }

        if (!await authorization.AuthorizeAsync(user, AdminPermissions.AccessAdminPanel))
        {
            context.Result = new ForbidResult();
        }
    }

    // Whether a controller is the admin's, asked once per controller type: reading the attribute was 2 % of every
    // public page's CPU (bench/README.md, "Fifth pass").
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, bool> s_admin = new();

    public static bool IsAdmin(FilterContext context)
        => context.ActionDescriptor is ControllerActionDescriptor action
            && s_admin.GetOrAdd(action.ControllerTypeInfo, type => type.IsDefined(typeof(AdminAttribute), inherit: true));
}
