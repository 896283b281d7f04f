using Cms.ContentDefinitions;
using Cms.Display;
using Cms.Security;
using Cms.Setup;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Modules.Setup.Services;

/// <summary>
/// How the setup screen ends: the new administrator is signed in and lands on the admin dashboard, told
/// the site is ready, with the ways on (view the site, write the first post). Orchard Core only redirects
/// to the home page, and WordPress shows a page with a sign-in link; signing in spares the newcomer
/// typing again the password they have just typed twice.
/// </summary>
public sealed class SetupWelcome(INotifier notifier)
{
    /// <summary>Signs the administrator in, leaves the message for the next page and returns where to go.</summary>
    public async Task<string> WelcomeAsync(HttpContext context, SetupRequest request)
    {
        // This request's services were made before the site had a database; Identity and the content
        // definitions are asked for now, so that they are made on the new one.
        var services = context.RequestServices;
        var signIn = services.GetRequiredService<SignInManager<CmsUser>>();
        if (await signIn.UserManager.FindByNameAsync(request.AdminUserName) is not { } admin)
        {
            return "/login";
        }

        await signIn.SignInAsync(admin, isPersistent: false);
        var types = await services.GetRequiredService<IContentDefinitionManager>().ListTypesAsync();
        var firstType = types.FirstOrDefault(t => t.GetSettings().Creatable);
        notifier.Success(
            $"Your site “{request.SiteName.Trim()}” is ready, and you are signed in as {admin.UserName}.",
            new NoticeLink("View your site", "/"),
            new NoticeLink("Write your first post", firstType is null ? "/admin/contents" : $"/admin/contents/new/{Uri.EscapeDataString(firstType.Name)}"));
        return "/admin";
    }
}
