using Cms.Data;
using Cms.Recipes;
using Cms.Settings;
using Cms.Setup;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Modules.Setup.Services;
using Modules.Setup.ViewModels;

namespace Modules.Setup.Controllers;

/// <summary>The first-run screen. Once the site is set up, /setup no longer exists.</summary>
[Route("setup")]
public sealed class SetupController(ISetupService setup, ShellSettingsStore shell, IRecipeHarvester recipes, SetupWelcome welcome, IConfiguration configuration) : Controller
{
    [HttpGet("")]
    public IActionResult Index()
    {
        if (shell.IsSetUp)
        {
            return NotFound();
        }

        var model = WithChoices(new SetupViewModel());
        model.Request.RecipeName = model.Recipes.FirstOrDefault(r => r.IsDefault)?.Name
            ?? (model.Recipes.Count > 0 ? model.Recipes[0].Name : "");

        // Only a suggestion for the person setting up, who sees and confirms it: once set up, no URL the
        // site writes comes from a request's Host.
        model.Request.BaseUrl = model.ConfiguredBaseUrl is null ? $"{Request.Scheme}://{Request.Host}" : null;
        return View("Setup", model);
    }

    [HttpPost("")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Index(SetupViewModel model)
    {
        if (shell.IsSetUp)
        {
            return NotFound();
        }

        // Model binding errors are replaced by the setup service's own, which name every field.
        ModelState.Clear();
        model.Request.PasswordConfirmation ??= "";
        var result = await setup.SetupAsync(model.Request);
        if (result.Succeeded)
        {
            // Signed in, the administrator lands on the dashboard; the site now answers only at its
            // public address, so the dashboard is asked for there.
            var next = await welcome.WelcomeAsync(HttpContext, model.Request);
            var address = PublicBaseUrl.Configured(configuration)
                ?? (PublicBaseUrl.TryNormalize(model.Request.BaseUrl, out var chosen, out _) ? chosen : "");
            var here = $"{Request.Scheme}://{Request.Host}";
            return address.Length == 0 || string.Equals(address, here, StringComparison.OrdinalIgnoreCase)
                ? LocalRedirect(next)
                : Redirect(address + next);
        }

        foreach (var (field, message) in result.Errors)
        {
            ModelState.AddModelError(field.Length == 0 ? "" : $"Request.{field}", message);
        }

        model.Request.AdminPassword = "";
        model.Request.PasswordConfirmation = "";
        return View("Setup", WithChoices(model));
    }

    private SetupViewModel WithChoices(SetupViewModel model)
    {
        model.Recipes = recipes.List().Where(r => r.IsSetupRecipe && !r.IsHidden).ToList();
        model.TimeZones = TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Append("UTC").Distinct().Order(StringComparer.Ordinal).ToList();
        model.ConfiguredBaseUrl = PublicBaseUrl.Configured(configuration);
        return model;
    }
}
