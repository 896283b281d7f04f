using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cms.Recipes.Export;

/// <summary>Writes the site back out as an Orchard-format recipe that another site can apply.</summary>
public interface IRecipeExporter
{
    /// <summary>
    /// Steps feature, themes, settings, ContentDefinition, Roles and content (every live version:
    /// Latest or Published), in the order a site applying it needs them.
    /// </summary>
    Task<JsonObject> ExportAsync(RecipeExportOptions? options = null);
}

public sealed class RecipeExportOptions
{
    /// <summary>Only this type's items in the content step; every other step is whole.</summary>
    public string? ContentType { get; init; }

    /// <summary>The header's author: who exported.</summary>
    public string Author { get; init; } = "";
}

/// <summary>How an exported recipe is written: indented, and readable (no \u escapes for accents or quotes).</summary>
public static class RecipeText
{
    private static readonly JsonSerializerOptions s_options = new()
    {
        WriteIndented = true,

        // The file is data for a recipe reader, never embedded in HTML, so HTML-safe escaping would only hurt reading.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(JsonObject recipe) => recipe.ToJsonString(s_options);
}
