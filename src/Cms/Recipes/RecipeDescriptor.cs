namespace Cms.Recipes;

/// <summary>A recipe's header, and where it came from.</summary>
public sealed record RecipeDescriptor
{
    public string Name { get; init; } = "";
    public string DisplayName { get; init; } = "";
    public string Description { get; init; } = "";
    public string Author { get; init; } = "";
    public string Website { get; init; } = "";
    public string Version { get; init; } = "";
    public bool IsSetupRecipe { get; init; }
    public IReadOnlyList<string> Categories { get; init; } = [];
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>"recipes/news-commentary.recipe.json", or "module NewsCommentary".</summary>
    public string Source { get; init; } = "";

    public bool IsHidden => Tags.Contains("hidden", StringComparer.OrdinalIgnoreCase);

    /// <summary>Marked "default" in its categories or tags: the setup recipe chosen when none is named.</summary>
    public bool IsDefault => Categories.Contains("default") || Tags.Contains("default");

    /// <summary>Reads the recipe's whole text.</summary>
    public Func<string> ReadText { get; init; } = () => "";
}
