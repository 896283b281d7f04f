using System.Text.Json.Nodes;

namespace Cms.Recipes.Export;

/// <summary>
/// A step a module adds to the site's export, after the framework's own (a module's table that a recipe
/// step fills: redirects, ...). Registered with <c>services.AddFeatureBound&lt;IRecipeExportStep, T&gt;()</c>;
/// only enabled features' steps are written.
/// </summary>
public interface IRecipeExportStep
{
    /// <summary>The step's JSON, or null when there is nothing to export.</summary>
    Task<JsonObject?> ExportAsync();
}
