using Cms.Recipes;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Modules.Recipes.ViewModels;

/// <summary>The Recipes page: the recipes a deployer may apply, and the export form when the user may export.</summary>
public sealed class RecipeListViewModel
{
    public IReadOnlyList<RecipeDescriptor> Recipes { get; init; } = [];

    public bool CanExport { get; init; }

    public IReadOnlyList<string> ContentTypes { get; init; } = [];
}

/// <summary>One recipe: what a dry run says it would change (before) or what applying it did (after).</summary>
public sealed class RecipeApplyViewModel
{
    public required RecipeDescriptor Recipe { get; init; }

    /// <summary>The dry run shown on the confirmation page; null once applied.</summary>
    public RecipeResult? Preview { get; init; }

    /// <summary>The outcome of applying; null on the confirmation page.</summary>
    public RecipeResult? Result { get; init; }
}

/// <summary>The import form and, after a post, its outcome.</summary>
public sealed class ImportViewModel
{
    /// <summary>Pasted recipe JSON, kept so a refused recipe can be corrected in place.</summary>
    public string? Json { get; set; }

    public bool DryRun { get; set; }

    [BindNever]
    public string? Error { get; set; }

    [BindNever]
    public RecipeResult? Result { get; set; }
}
