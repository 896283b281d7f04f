using System.Security.Claims;
using Cms.Recipes;
using Cms.Settings;

namespace Modules.Recipes.Services;

/// <summary>
/// Runs recipe text for the signed-in user. As in Orchard's admin, parameters('AdminUserId') and
/// parameters('AdminUsername') are that user, and parameters('SiteName') is the site's name.
/// </summary>
public sealed class RecipeRunner(IRecipeExecutor executor, ISiteService site)
{
    public async Task<RecipeResult> RunAsync(string recipeText, ClaimsPrincipal user, bool dryRun)
    {
        var options = new RecipeExecutionOptions
        {
            DryRun = dryRun,
            Parameters = new(StringComparer.Ordinal)
            {
                ["SiteName"] = (await site.GetAsync()).SiteName,
                ["AdminUserId"] = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
                ["AdminUsername"] = user.Identity?.Name ?? "",
            },
        };
        return await executor.ExecuteAsync(recipeText, options);
    }
}
