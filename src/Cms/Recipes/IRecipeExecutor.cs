using System.Text.Json.Nodes;

namespace Cms.Recipes;

/// <summary>Validates and applies recipes: the whole recipe is checked first, then applied in one transaction.</summary>
public interface IRecipeExecutor
{
    Task<RecipeResult> ValidateAsync(string recipeText, RecipeExecutionOptions? options = null);

    /// <summary>Validates a recipe given as UTF-8 (a file's bytes, half the size of its text as a string).</summary>
    Task<RecipeResult> ValidateAsync(ReadOnlyMemory<byte> utf8Recipe, RecipeExecutionOptions? options = null);

    Task<RecipeResult> ExecuteAsync(string recipeText, RecipeExecutionOptions? options = null);

    /// <summary>Applies a recipe given as UTF-8 (a file's bytes): its content items are read from them one batch at a time.</summary>
    Task<RecipeResult> ExecuteAsync(ReadOnlyMemory<byte> utf8Recipe, RecipeExecutionOptions? options = null);

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
