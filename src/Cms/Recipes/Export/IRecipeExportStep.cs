using System.Text.Json.Nodes;
using Cms.Modules;

namespace Cms.Recipes.Export;

/// <summary>
/// A step a module adds to every export: the Media module's "media" step (written before the content
/// step, so files exist before the posts that show them) or the Contents module's redirects (written
/// after it, since they point at items). Registered with AddExportStep, it is part of exports only while
/// its feature is enabled.
/// </summary>
public interface IRecipeExportStep
{
    /// <summary>True for a step that refers to content items and so must come after the content step.</summary>
    bool AfterContent => false;

    /// <summary>The step, or null when there is nothing to export.</summary>
    Task<JsonObject?> ExportAsync();
}

public static class RecipeExportStepExtensions
{
    public static FeatureServices AddExportStep<TStep>(this FeatureServices services)
        where TStep : class, IRecipeExportStep
        => services.AddFeatureBound<IRecipeExportStep, TStep>();
}
