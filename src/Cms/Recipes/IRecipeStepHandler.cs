using System.Text.Json.Nodes;

namespace Cms.Recipes;

/// <summary>
/// Handles one kind of recipe step (matched by name without regard to case). Validate checks the
/// step against the site as the earlier steps will have left it, and records what the step adds,
/// without writing anything; Apply writes, inside the recipe's transaction.
/// </summary>
public interface IRecipeStepHandler
{
    string Name { get; }

    void Validate(RecipeStep step, RecipeValidationContext context);

    Task ApplyAsync(RecipeStep step, RecipeApplyContext context);
}

/// <summary>A step of a recipe: its place, its name and its JSON (script values already evaluated).</summary>
public sealed record RecipeStep(int Index, string Name, JsonObject Data, string Path);
