using Cms.Admin;
using Cms.Display;
using Cms.Modules;
using Cms.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Modules.Admin.ViewModels;

namespace Modules.Admin.Controllers;

/// <summary>
/// Settings › Features: every feature with its description, what it needs and what needs it; enable or
/// disable with the command line's rules (IFeatureManager: enabling brings what a feature needs; disabling
/// one that an enabled feature needs is refused, naming it). Needs ManageFeatures.
/// </summary>
[Admin]
[Route("admin/features")]
public sealed class FeaturesController(ModuleCatalog catalog, IFeatureManager features, IAuthorizationService authorization, INotifier notifier) : Controller
{
    /// <summary>The features this page stands on: turning them off here would lock the administrator out.</summary>
    private static readonly HashSet<string> s_lockedHere = new(StringComparer.Ordinal) { "Admin", "Users", "Contents" };

    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        if (await this.DenyUnlessAsync(authorization, Permissions.ManageFeatures) is { } denied)
        {
            return denied;
        }

        var enabled = await features.GetEnabledAsync();
        var entries = catalog.Features
            .Where(f => !f.IsTheme)
            .Select(f => new FeatureEntry(
                f.Id, f.Name, f.Description, f.Category, enabled.Contains(f.Id), f.Dependencies,
                catalog.Features.Where(d => d.Dependencies.Contains(f.Id)).Select(d => d.Id).ToList(),
                LockReason(f)))
            .OrderBy(f => f.Category, StringComparer.OrdinalIgnoreCase).ThenBy(f => f.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
        ViewData["Title"] = "Features";
        return View("Features", new FeaturesViewModel { Features = entries });
    }

    [HttpPost("{id}/enable")]
    public Task<IActionResult> Enable(string id) => ChangeAsync(id, enable: true);

    [HttpPost("{id}/disable")]
    public Task<IActionResult> Disable(string id) => ChangeAsync(id, enable: false);

    private async Task<IActionResult> ChangeAsync(string id, bool enable)
    {
        if (await this.DenyUnlessAsync(authorization, Permissions.ManageFeatures) is { } denied)
        {
            return denied;
        }

        if (catalog.Find(id) is not { } feature || feature.IsTheme)
        {
            notifier.Error($"There is no feature '{id}'.");
            return Redirect("/admin/features");
        }

        if (!enable && LockReason(feature) is { } reason)
        {
            notifier.Error(reason);
            return Redirect("/admin/features");
        }

        var result = enable ? await features.EnableAsync([feature.Id]) : await features.DisableAsync([feature.Id]);
        if (!result.Succeeded)
        {
            notifier.Error(result.Error!);
        }
        else if (result.Changed.Count == 0)
        {
            notifier.Success($"'{feature.Id}' was already {(enable ? "enabled" : "disabled")}.");
        }
        else
        {
            notifier.Success($"{(enable ? "Enabled" : "Disabled")}: {string.Join(", ", result.Changed)}.");
        }

        return Redirect("/admin/features");
    }

    private static string? LockReason(FeatureDescriptor feature)
        => feature.AlwaysEnabled ? $"'{feature.Id}' is part of the framework and is always on."
            : s_lockedHere.Contains(feature.Id) ? $"'{feature.Id}' runs the admin and sign-in: disable it from the command line (features disable {feature.Id}), not from the admin."
            : null;
}
