using Cms.Admin;
using Cms.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Modules.Recipes.Services;
using Modules.Recipes.ViewModels;

namespace Modules.Recipes.Controllers;

/// <summary>
/// JSON import, as Orchard's deployment import: pasted JSON, a .json file or a .zip holding
/// Recipe.json. Validated whole, then applied all or nothing; errors are shown on the page.
/// </summary>
[Admin]
[Route("admin/import")]
public sealed class ImportController(RecipeRunner runner, IAuthorizationService authorization) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        if (!await authorization.AuthorizeAsync(User, Permissions.Import))
        {
            return Forbid();
        }

        return Page(new ImportViewModel());
    }

    [HttpPost("")]
    [RequestSizeLimit(RecipeUpload.MaxBytes + 64 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = RecipeUpload.MaxBytes + 64 * 1024, ValueLengthLimit = RecipeUpload.MaxBytes)]
    public async Task<IActionResult> Import(ImportViewModel model, IFormFile? file)
    {
        if (!await authorization.AuthorizeAsync(User, Permissions.Import))
        {
            return Forbid();
        }

        var (text, error) = await RecipeUpload.ReadAsync(file, model.Json);
        if (text is null)
        {
            model.Error = error;
            return Page(model);
        }

        model.Result = await runner.RunAsync(text, User, model.DryRun);
        if (model.Result.Succeeded && !model.DryRun)
        {
            // Applied: the form starts empty again rather than invite a second import.
            ModelState.Remove(nameof(model.Json));
            model.Json = null;
        }

        return Page(model);
    }

    private ViewResult Page(ImportViewModel model)
    {
        ViewData["Title"] = "Import";
        return View("Import", model);
    }
}
