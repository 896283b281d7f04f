using System.Text.Json.Nodes;

namespace Cms.Recipes;

/// <summary>Validates and applies recipes: the whole recipe is checked first, then applied in one transaction.</summary>
public interface IRecipeExecutor
{
    Task<RecipeResult> ValidateAsync(string recipeText, RecipeExecutionOptions? options = null);

    Task<RecipeResult> ExecuteAsync(string recipeText, RecipeExecutionOptions? options = null);

    Task<RecipeResult> ExecuteAsync(JsonObject recipe, RecipeExecutionOptions? options = null);
}

/// <summary>Values a recipe reads with parameters('name'): the setup values (SiteName, AdminUsername, AdminUserId, ...).</summary>
public sealed class RecipeExecutionOptions
{
    public Dictionary<string, string> Parameters { get; init; } = new(StringComparer.Ordinal);
}
