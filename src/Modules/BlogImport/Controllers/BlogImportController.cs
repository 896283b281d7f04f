using Cms.Admin;
using Cms.Recipes;
using Cms.Recipes.Import;
using Cms.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Modules.BlogImport.ViewModels;
using Modules.Recipes;

namespace Modules.BlogImport.Controllers;

/// <summary>
/// Import a blog: a Blogger or WordPress export file, applied as one recipe (all or nothing), with a dry
/// run; the report lists the changes and every post imported differently than written, with the reason.
/// </summary>
[Admin]
[Route("admin/import/blog")]
public sealed class BlogImportController(ImportRunner runner, IAuthorizationService authorization) : Controller
{
    /// <summary>The request may be larger than any file the configuration allows; the runner refuses the file by its own limit, with a message.</summary>
    private const long MaxRequestBytes = 1024L * 1024 * 1024;

    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        if (await this.DenyUnlessAsync(authorization, RecipesPermissions.Import) is { } denied)
        {
            return denied;
        }

        return await PageAsync(new BlogImportViewModel());
    }

    [HttpPost("")]
    [RequestSizeLimit(MaxRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
    public async Task<IActionResult> Import(BlogImportViewModel model, IFormFile? file)
    {
        if (await this.DenyUnlessAsync(authorization, RecipesPermissions.Import) is { } denied)
        {
            return denied;
        }

        if (file is null || file.Length == 0)
        {
            model.Error = "Choose the export file to import.";
            return await PageAsync(model);
        }

        var options = new RecipeExecutionOptions
        {
            DryRun = model.DryRun,
            Parameters = new(StringComparer.Ordinal)
            {
                ["AdminUserId"] = User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? "",
                ["AdminUsername"] = User.Identity?.Name ?? "",
            },
        };
        await using var stream = file.OpenReadStream();
        model.Result = await runner.RunAsync(model.Source ?? "", stream, file.Length, options, HttpContext.RequestAborted);
        return await PageAsync(model);
    }

    private async Task<ViewResult> PageAsync(BlogImportViewModel model)
    {
        model.Sources = (await runner.ListAsync()).Select(s => (s.Name, s.Description)).ToList();
        ViewData["Title"] = "Import a blog";
        return View("BlogImport", model);
    }
}
