using System.Net.Mail;
using System.Text.RegularExpressions;
using Cms.Admin;
using Cms.Display;
using Cms.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Modules.Users.Services;
using Modules.Users.ViewModels;

namespace Modules.Users.Controllers;

/// <summary>A new user with a password and roles, created in one transaction. Needs ManageUsers.</summary>
[Admin]
[Route("admin/users/new")]
public sealed partial class UserCreateController(
    UserManager<CmsUser> users,
    UserAccounts accounts,
    AssignableRoles assignable,
    IAuthorizationService authorization,
    INotifier notifier,
    TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Create()
        => await this.DenyUnlessAsync(authorization, Permissions.ManageUsers) ?? await PageAsync(new UserCreateViewModel());

    [HttpPost("")]
    public async Task<IActionResult> Create(UserCreateViewModel model)
    {
        if (await this.DenyUnlessAsync(authorization, Permissions.ManageUsers) is { } denied)
        {
            return denied;
        }

        var userName = model.UserName?.Trim() ?? "";
        var email = model.Email?.Trim() ?? "";
        if (!UserNamePattern().IsMatch(userName))
        {
            ModelState.AddModelError(nameof(model.UserName), "The user name has 1 to 64 letters, digits and the characters - . _ @ +.");
        }
        else if (await users.FindByNameAsync(userName) is not null)
        {
            ModelState.AddModelError(nameof(model.UserName), $"There is already a user named '{userName}'.");
        }

        if (email.Length > 254 || !MailAddress.TryCreate(email, out var address) || address.Address != email)
        {
            ModelState.AddModelError(nameof(model.Email), "Enter a valid e-mail address.");
        }
        else if (await users.FindByEmailAsync(email) is not null)
        {
            ModelState.AddModelError(nameof(model.Email), "Another user has that e-mail address.");
        }

        var user = new CmsUser { UserName = userName, Email = email, EmailConfirmed = true, CreatedUtc = clock.GetUtcNow().UtcDateTime };
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, model.Password ?? "");
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(nameof(model.Password), error.Description);
            }
        }

        if (await assignable.CheckAsync(User, [], model.Roles) is { } rolesError)
        {
            ModelState.AddModelError(nameof(model.Roles), rolesError);
        }

        if (!ModelState.IsValid)
        {
            return await PageAsync(model);
        }

        var roles = await assignable.CanonicalAsync(model.Roles);
        var errors = await accounts.CreateAsync(user, model.Password!, roles);
        if (errors.Count > 0)
        {
            ModelState.AddModelError("", string.Join(" ", errors));
            return await PageAsync(model);
        }

        notifier.Success($"User '{userName}' created.");
        return Redirect($"/admin/users/{Uri.EscapeDataString(user.Id)}/edit");
    }

    private async Task<IActionResult> PageAsync(UserCreateViewModel model)
    {
        model.Password = null;
        model.AvailableRoles = await assignable.ListAsync();
        ViewData["Title"] = "New user";
        return View("UserCreate", model);
    }

    [GeneratedRegex(@"^[A-Za-z0-9\-._@+]{1,64}$")]
    private static partial Regex UserNamePattern();
}
