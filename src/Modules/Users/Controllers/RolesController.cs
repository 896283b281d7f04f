using System.Text.RegularExpressions;
using Cms.Admin;
using Cms.Display;
using Cms.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Modules.Users.ViewModels;

namespace Modules.Users.Controllers;

/// <summary>The roles list, new role, and deleting a role. Needs ManageRoles.</summary>
[Admin]
[Route("admin/roles")]
public sealed partial class RolesController(
    IRoleStore roles,
    RoleManager<CmsRole> roleManager,
    IRolePermissions rolePermissions,
    Services.HeldPermissions held,
    IAuthorizationService authorization,
    INotifier notifier) : Controller
{
    public const int MaxDescription = 500;

    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        if (await this.DenyUnlessAsync(authorization, Permissions.ManageRoles) is { } denied)
        {
            return denied;
        }

        var rows = (await roles.ListAsync())
            .Select(r => new RoleRow(r.Name, r.Description, r.Permissions.Count, IsStandard(r.Name)))
            .ToList();
        ViewData["Title"] = "Roles";
        return View("Roles", new RoleListViewModel { Roles = rows });
    }

    [HttpGet("new")]
    public async Task<IActionResult> Create()
        => await this.DenyUnlessAsync(authorization, Permissions.ManageRoles) ?? CreatePage(new RoleCreateViewModel());

    [HttpPost("new")]
    public async Task<IActionResult> Create(RoleCreateViewModel model)
    {
        if (await this.DenyUnlessAsync(authorization, Permissions.ManageRoles) is { } denied)
        {
            return denied;
        }

        var name = model.Name?.Trim() ?? "";
        if (!RoleNamePattern().IsMatch(name))
        {
            ModelState.AddModelError(nameof(model.Name), "A role name has 1 to 64 letters, digits, spaces and the characters . _ -, and starts with a letter or digit.");
        }
        else if ((await roles.ListAsync()).Any(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            ModelState.AddModelError(nameof(model.Name), $"There is already a role named '{name}'.");
        }

        if ((model.Description?.Length ?? 0) > MaxDescription)
        {
            ModelState.AddModelError(nameof(model.Description), $"The description has at most {MaxDescription} characters.");
        }

        if (!ModelState.IsValid)
        {
            return CreatePage(model);
        }

        await roles.ReplacePermissionsAsync(name, [], model.Description?.Trim() ?? "");
        notifier.Success($"Role '{name}' created. Tick the permissions it grants.");
        return Redirect($"/admin/roles/{Uri.EscapeDataString(name)}/edit");
    }

    [HttpPost("{name}/delete")]
    public async Task<IActionResult> Delete(string name)
    {
        if (await this.DenyUnlessAsync(authorization, Permissions.ManageRoles) is { } denied)
        {
            return denied;
        }

        var role = await roleManager.FindByNameAsync(name);
        if (role is null)
        {
            return NotFound();
        }

        if (IsStandard(role.Name ?? ""))
        {
            notifier.Error($"'{role.Name}' is one of the site's standard roles and cannot be deleted.");
            return Redirect($"/admin/roles/{Uri.EscapeDataString(role.Name ?? "")}/edit");
        }

        // Deleting a role takes its permissions from everyone in it: only for one who holds them all.
        var permissions = (await roles.ListAsync()).FirstOrDefault(r => r.Name == role.Name)?.Permissions ?? [];
        if (await held.FirstNotHeldAsync(User, permissions) is { } missing)
        {
            notifier.Error($"You may not delete '{role.Name}': it grants '{missing}', which you do not hold yourself.");
            return Redirect($"/admin/roles/{Uri.EscapeDataString(role.Name ?? "")}/edit");
        }

        var result = await roleManager.DeleteAsync(role);
        rolePermissions.Invalidate();
        if (result.Succeeded)
        {
            notifier.Success($"Role '{role.Name}' deleted.");
        }
        else
        {
            notifier.Error(string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        return Redirect("/admin/roles");
    }

    public static bool IsStandard(string role) => StandardRoles.All.Contains(role, StringComparer.OrdinalIgnoreCase);

    private ViewResult CreatePage(RoleCreateViewModel model)
    {
        ViewData["Title"] = "New role";
        return View("RoleCreate", model);
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9 ._\-]{0,63}$")]
    private static partial Regex RoleNamePattern();
}
