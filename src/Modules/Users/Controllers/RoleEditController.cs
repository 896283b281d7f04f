using Cms.Admin;
using Cms.Display;
using Cms.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Modules.Users.Services;
using Modules.Users.ViewModels;

namespace Modules.Users.Controllers;

/// <summary>
/// A role's description and permissions, ticked by feature. Saved with IRoleStore.ReplacePermissionsAsync,
/// exactly as the Roles recipe step stores a role with PermissionBehavior Replace.
/// </summary>
[Admin]
[Route("admin/roles/{name}/edit")]
public sealed class RoleEditController(
    IRoleStore roles,
    IPermissionCatalog catalog,
    PermissionGroups groups,
    HeldPermissions held,
    IAuthorizationService authorization,
    INotifier notifier) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Edit(string name)
    {
        if (await this.DenyUnlessAsync(authorization, Permissions.ManageRoles) is { } denied)
        {
            return denied;
        }

        var role = await FindAsync(name);
        return role is null ? NotFound() : await PageAsync(role, new RoleEditViewModel { Description = role.Description, Permissions = [.. role.Permissions] });
    }

    [HttpPost("")]
    public async Task<IActionResult> Edit(string name, RoleEditViewModel model)
    {
        if (await this.DenyUnlessAsync(authorization, Permissions.ManageRoles) is { } denied)
        {
            return denied;
        }

        var role = await FindAsync(name);
        if (role is null)
        {
            return NotFound();
        }

        var known = (await catalog.ListAsync()).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var unknown = model.Permissions.FirstOrDefault(p => !known.Contains(p));
        if (unknown is not null)
        {
            ModelState.AddModelError(nameof(model.Permissions), $"There is no permission '{unknown}' among the enabled features'.");
        }

        // Ticking or unticking a permission hands it on or takes it away: only one the editor holds.
        var changed = model.Permissions.Except(role.Permissions, StringComparer.Ordinal).Concat(role.Permissions.Except(model.Permissions, StringComparer.Ordinal));
        if (unknown is null && !IsAdministrator(role.Name) && await held.FirstNotHeldAsync(User, changed) is { } missing)
        {
            ModelState.AddModelError(nameof(model.Permissions), $"You may not give or take away '{missing}': you do not hold it yourself.");
        }

        if ((model.Description?.Length ?? 0) > RolesController.MaxDescription)
        {
            ModelState.AddModelError(nameof(model.Description), $"The description has at most {RolesController.MaxDescription} characters.");
        }

        if (!ModelState.IsValid)
        {
            return await PageAsync(role, model);
        }

        var isAdministrator = IsAdministrator(role.Name);
        await roles.ReplacePermissionsAsync(role.Name, isAdministrator ? [] : model.Permissions.Distinct(StringComparer.Ordinal), model.Description?.Trim() ?? "");
        notifier.Success("Saved.");
        return Redirect($"/admin/roles/{Uri.EscapeDataString(role.Name)}/edit");
    }

    private async Task<RoleInfo?> FindAsync(string name)
        => (await roles.ListAsync()).FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));

    private async Task<IActionResult> PageAsync(RoleInfo role, RoleEditViewModel model)
    {
        model.Name = role.Name;
        model.IsAdministrator = IsAdministrator(role.Name);
        model.IsStandard = RolesController.IsStandard(role.Name);
        model.Groups = await groups.ListAsync();
        ViewData["Title"] = $"Role {role.Name}";
        return View("RoleEdit", model);
    }

    private static bool IsAdministrator(string role) => string.Equals(role, StandardRoles.Administrator, StringComparison.OrdinalIgnoreCase);
}
