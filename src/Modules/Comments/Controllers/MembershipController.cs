using Cms.Display;
using Cms.Security;
using Cms.Settings;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Modules.Comments.Services;
using Modules.Comments.Settings;
using Modules.Comments.ViewModels;

namespace Modules.Comments.Controllers;

/// <summary>
/// GET /members: a signed-in reader's membership; POST /members/request: ask to become a member,
/// where the registration settings allow (granted at once when Open, else a moderator decides).
/// </summary>
public sealed class MembershipController(
    UserManager<CmsUser> users,
    Membership membership,
    SignInManager<CmsUser> signIn,
    ISiteService site,
    INotifier notifier) : Controller
{
    [HttpGet("/members")]
    public async Task<IActionResult> Index()
    {
        var user = await users.GetUserAsync(User);
        return user is null ? Challenge() : View("Membership", await ModelAsync(user));
    }

    [HttpPost("/members/request")]
    public async Task<IActionResult> Ask(MembershipViewModel form)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var model = await ModelAsync(user);
        if (!model.CanRequest)
        {
            Response.StatusCode = 400;
            notifier.Error(model.IsMember ? "You are already a member." : model.LatestRequest is not null
                ? "You have already asked; a moderator decides."
                : "This site does not take membership requests.");
            return View("Membership", model);
        }

        var open = model.Settings.RegistrationMode == RegistrationMode.Open;
        await membership.FileAsync(user, form.Message, grantAtOnce: open);
        if (open)
        {
            // The new role is in the sign-in cookie from this response on.
            await signIn.RefreshSignInAsync(user);
        }

        notifier.Success(open ? "You are now a member: you can comment on the posts." : "Your request is sent. A moderator will decide on it.");
        return Redirect("/members");
    }

    private async Task<MembershipViewModel> ModelAsync(CmsUser user) => new()
    {
        IsMember = await membership.IsMemberAsync(user),
        LatestRequest = await membership.LatestRequestAsync(user.Id),
        Settings = (await site.GetAsync()).Registration(),
    };
}
