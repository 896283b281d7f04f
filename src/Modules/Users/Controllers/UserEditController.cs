using Cms.Admin;
using Cms.Display;
using Cms.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Modules.Users.Services;
using Modules.Users.ViewModels;

namespace Modules.Users.Controllers;

/// <summary>A user's roles, and disabling or enabling the account. Needs ManageUsers.</summary>
[Admin]
[Route("admin/users/{id}")]
public sealed class UserEditController(
    UserManager<CmsUser> users,
    UserAccounts accounts,
    AssignableRoles assignable,
    IAuthorizationService authorization,
    INotifier notifier,
    TimeProvider clock) : Controller
{
    [HttpGet("edit")]
    public async Task<IActionResult> Edit(string id)
    {
        if (await this.DenyUnlessAsync(authorization, Permissions.ManageUsers) is { } denied)
        {
            return denied;
        }

        var user = await users.FindByIdAsync(id);
        return user is null ? NotFound() : await PageAsync(user, new UserEditViewModel { Roles = [.. await users.GetRolesAsync(user)] });
    }

    [HttpPost("edit")]
    public async Task<IActionResult> Edit(string id, UserEditViewModel model)
    {
        if (await this.DenyUnlessAsync(authorization, Permissions.ManageUsers) is { } denied)
        {
            return denied;
        }

        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        var current = await users.GetRolesAsync(user);
        var problem = IsSelf(user) ? OwnRolesProblem(current, model.Roles) : await assignable.CheckAsync(User, current, model.Roles);

        if (problem is not null)
        {
            ModelState.AddModelError(nameof(model.Roles), problem);
            return await PageAsync(user, model);
        }

        var wanted = await assignable.CanonicalAsync(model.Roles);
        // Anonymous and Authenticated are implicit: never given here, and left alone if a user has them.
        var removing = current.Where(r => !wanted.Contains(r, StringComparer.OrdinalIgnoreCase)
            && r is not (StandardRoles.Anonymous or StandardRoles.Authenticated)).ToList();
        var adding = wanted.Where(r => !current.Contains(r, StringComparer.OrdinalIgnoreCase)).ToList();
        await accounts.ChangeRolesAsync(user, removing, adding);
        notifier.Success("Saved.");
        return Redirect($"/admin/users/{Uri.EscapeDataString(id)}/edit");
    }

    [HttpPost("disable")]
    public Task<IActionResult> Disable(string id) => SetEnabledAsync(id, enabled: false);

    [HttpPost("enable")]
    public Task<IActionResult> Enable(string id) => SetEnabledAsync(id, enabled: true);

    private async Task<IActionResult> SetEnabledAsync(string id, bool enabled)
    {
        if (await this.DenyUnlessAsync(authorization, Permissions.ManageUsers) is { } denied)
        {
            return denied;
        }

        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        var edit = $"/admin/users/{Uri.EscapeDataString(id)}/edit";
        if (!enabled && IsSelf(user))
        {
            notifier.Error("You cannot disable your own account.");
            return Redirect(edit);
        }

        if (await users.IsInRoleAsync(user, StandardRoles.Administrator) && !User.IsInRole(StandardRoles.Administrator))
        {
            notifier.Error("Only an Administrator may disable or enable an Administrator.");
            return Redirect(edit);
        }

        if (user.IsEnabled != enabled)
        {
            user.IsEnabled = enabled;
            await users.UpdateAsync(user);
            if (!enabled)
            {
                // A new security stamp invalidates every cookie the user holds, on every device.
                await users.UpdateSecurityStampAsync(user);
            }
        }

        notifier.Success(enabled ? $"{user.UserName} can sign in again." : $"{user.UserName} is disabled and signed out everywhere.");
        return Redirect(edit);
    }

    private bool IsSelf(CmsUser user) => user.Id == users.GetUserId(User);

    /// <summary>Nobody changes their own roles: another user who may manage users does.</summary>
    private static string? OwnRolesProblem(IList<string> current, IReadOnlyCollection<string> wanted)
    {
        var implicitRoles = new[] { StandardRoles.Anonymous, StandardRoles.Authenticated };
        var same = current.Except(implicitRoles, StringComparer.OrdinalIgnoreCase).ToHashSet(StringComparer.OrdinalIgnoreCase)
            .SetEquals(wanted.Except(implicitRoles, StringComparer.OrdinalIgnoreCase));
        if (same)
        {
            return null;
        }

        return current.Contains(StandardRoles.Administrator) && !wanted.Contains(StandardRoles.Administrator, StringComparer.OrdinalIgnoreCase)
            ? "You cannot take the Administrator role away from yourself; another Administrator can."
            : "You cannot change your own roles; another user who manages users can.";
    }

    private async Task<IActionResult> PageAsync(CmsUser user, UserEditViewModel model)
    {
        model.Id = user.Id;
        model.UserName = user.UserName ?? "";
        model.Email = user.Email ?? "";
        model.IsEnabled = user.IsEnabled;
        model.IsLockedOut = user.LockoutEnd > clock.GetUtcNow();
        model.IsSelf = IsSelf(user);
        model.AvailableRoles = await assignable.ListAsync();
        ViewData["Title"] = $"User {user.UserName}";
        return View("UserEdit", model);
    }
}
