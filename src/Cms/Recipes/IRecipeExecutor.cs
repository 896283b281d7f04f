using System.Text.Json.Nodes;

namespace Cms.Recipes;

/// <summary>Validates and applies recipes: the whole recipe is checked first, then applied in one transaction.</summary>
public interface IRecipeExecutor
{
    Task<RecipeResult> ValidateAsync(string recipeText, RecipeExecutionOptions? options = null);

    Task<RecipeResult> ExecuteAsync(string recipeText, RecipeExecutionOptions? options = null);

    Task<RecipeResult> ExecuteAsync(JsonObject recipe, RecipeExecutionOptions? options = null);
}

/// <summary>How a recipe is applied.</summary>
public sealed class RecipeExecutionOptions
{
    /// <summary>Values a recipe reads with parameters('name'): the setup values (SiteName, AdminUsername, AdminUserId, ...).</summary>
    public Dictionary<string, string> Parameters { get; init; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Validates and applies the recipe inside its transaction, collects what changed, then rolls
    /// the transaction back: nothing is written, and after-commit work (cache eviction) never runs.
    /// </summary>
    public bool DryRun { get; init; }
}
