using System.Globalization;
using System.Text;
using Cms.Admin;
using Cms.ContentDefinitions;
using Cms.Recipes;
using Cms.Recipes.Export;
using Cms.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Modules.Recipes.Services;
using Modules.Recipes.ViewModels;

namespace Modules.Recipes.Controllers;

/// <summary>
/// The Recipes page: the recipes a deployer may apply (not setup recipes, not tagged hidden). Applying
/// one goes through a confirmation page that shows the recipe's dry run; the export downloads the site.
/// </summary>
[Admin]
[Route("admin/recipes")]
public sealed class RecipesController(
    IRecipeHarvester harvester,
    RecipeRunner runner,
    IRecipeExporter exporter,
    IContentDefinitionManager definitions,
    IAuthorizationService authorization,
    TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        if (!await authorization.AuthorizeAsync(User, Permissions.ManageRecipes))
        {
            return Forbid();
        }

        ViewData["Title"] = "Recipes";
        return View("RecipeList", new RecipeListViewModel
        {
            Recipes = harvester.List().Where(IsListed).ToList(),
            CanExport = await authorization.AuthorizeAsync(User, Permissions.Export),
            ContentTypes = (await definitions.ListTypesAsync()).Select(t => t.Name).ToList(),
        });
    }

    /// <summary>The confirmation page: what the recipe would change, found by a dry run that writes nothing.</summary>
    [HttpGet("apply")]
    public Task<IActionResult> Confirm(string? name) => WithRecipeAsync(name, async recipe => View("RecipeApply", new RecipeApplyViewModel
    {
        Recipe = recipe,
        Preview = await runner.RunAsync(recipe.ReadText(), User, dryRun: true),
    }));

    [HttpPost("apply")]
    public Task<IActionResult> Apply(string? name) => WithRecipeAsync(name, async recipe => View("RecipeApply", new RecipeApplyViewModel
    {
        Recipe = recipe,
        Result = await runner.RunAsync(recipe.ReadText(), User, dryRun: false),
    }));

    /// <summary>The site as a recipe file (.json); with <paramref name="type"/>, only that type's items.</summary>
    [HttpGet("export")]
    public async Task<IActionResult> Export(string? type)
    {
        if (!await authorization.AuthorizeAsync(User, Permissions.Export))
        {
            return Forbid();
        }

        if (!string.IsNullOrEmpty(type) && await definitions.GetTypeAsync(type) is null)
        {
            return NotFound();
        }

        var recipe = await exporter.ExportAsync(new RecipeExportOptions
        {
            ContentType = string.IsNullOrEmpty(type) ? null : type,
            Author = User.Identity?.Name ?? "",
        });
        var stamp = clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        return File(Encoding.UTF8.GetBytes(RecipeText.Write(recipe)), "application/json", $"export-{stamp}.recipe.json");
    }

    private async Task<IActionResult> WithRecipeAsync(string? name, Func<RecipeDescriptor, Task<IActionResult>> action)
    {
        if (!await authorization.AuthorizeAsync(User, Permissions.ManageRecipes))
        {
            return Forbid();
        }

        if (string.IsNullOrEmpty(name) || harvester.Find(name) is not { } recipe || !IsListed(recipe))
        {
            return NotFound();
        }

        ViewData["Title"] = $"Recipe: {recipe.DisplayName}";
        return await action(recipe);
    }

    /// <summary>Setup recipes run once, at setup; hidden ones are run by other recipes, not by hand.</summary>
    private static bool IsListed(RecipeDescriptor recipe) => !recipe.IsSetupRecipe && !recipe.IsHidden;
}
