using System.Text.Json.Nodes;
using Cms.Recipes;
using Microsoft.Extensions.Options;
using Modules.Media.Services;

namespace Modules.Media.Recipes;

/// <summary>
/// Orchard's "media" step: <c>{ "name": "media", "Files": [ { "TargetPath": "2026/11/a.jpg", "Base64": "..." } ] }</c>,
/// or <c>"SourcePath"</c> for a file beside the site's recipes (in a recipes folder, never above it).
/// Every file gets the upload's checks; "AltText" (this site's addition) sets its alt text.
/// </summary>
public sealed class MediaStep(ImageCheck images, MediaLibrary library, IOptions<RecipeOptions> recipeOptions) : IRecipeStepHandler
{
    public string Name => "media";

    public void Validate(RecipeStep step, RecipeValidationContext context)
    {
        if (StepJson.Array(step.Data, "Files", "", context, required: true) is not { } files)
        {
            return;
        }

        var targets = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < files.Count; i++)
        {
            var at = $"Files[{i}]";
            if (files[i] is not JsonObject entry)
            {
                context.Error(at, $"Each file must be an object with TargetPath and Base64 or SourcePath, not {StepJson.Describe(files[i])}.");
                continue;
            }

            var (path, bytes, error) = Read(entry);
            if (error is not null)
            {
                context.Error(at, error);
                continue;
            }

            if (!targets.Add(path!))
            {
                context.Error($"{at}.TargetPath", $"“{path}” appears twice in this step.");
            }

            if (images.Check(bytes!, path!).Error is { } imageError)
            {
                context.Error(at, imageError);
            }

            if (StepJson.String(entry, "AltText", at, context) is { } alt && MediaLibrary.CheckAlt(alt) is { } altError)
            {
                context.Error($"{at}.AltText", altError);
            }
        }
    }

    public async Task ApplyAsync(RecipeStep step, RecipeApplyContext context)
    {
        foreach (var entry in (StepJson.Find(step.Data, "Files") as JsonArray)?.OfType<JsonObject>() ?? [])
        {
            var (path, bytes, _) = Read(entry);
            var image = images.Check(bytes!, path!).Image!;
            await library.ImportAsync(path!, image, Text(entry, "AltText")?.Trim() ?? "");
            context.Changes.Add($"media {path} stored");
        }
    }

    /// <summary>The checked target path and the bytes, or what is wrong with the entry.</summary>
    private (string? Path, byte[]? Bytes, string? Error) Read(JsonObject entry)
    {
        var target = Text(entry, "TargetPath");
        var (path, pathError) = MediaPath.Check(target);
        if (path is null)
        {
            return (null, null, target is null ? "TargetPath is required." : $"TargetPath: {pathError}");
        }

        var base64 = Text(entry, "Base64");
        var source = Text(entry, "SourcePath");
        if ((base64 is null) == (source is null))
        {
            return (null, null, $"“{path}” needs exactly one of Base64 and SourcePath.");
        }

        if (base64 is not null)
        {
            try
            {
                return (path, Convert.FromBase64String(base64), null);
            }
            catch (FormatException)
            {
                return (null, null, $"Base64 of “{path}” is not valid Base64.");
            }
        }

        var (relative, sourceError) = SourceOf(source!);
        if (relative is null)
        {
            return (null, null, sourceError);
        }

        foreach (var folder in recipeOptions.Value.Folders)
        {
            var root = Path.GetFullPath(folder);
            var file = Path.GetFullPath(Path.Combine(root, relative));
            if (file.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) && File.Exists(file))
            {
                return (path, File.ReadAllBytes(file), null);
            }
        }

        return (null, null, $"SourcePath “{source}” is not a file in the site's recipes folder.");
    }

    private static string? Text(JsonObject obj, string key)
        => StepJson.Find(obj, key) is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static (string? Relative, string? Error) SourceOf(string source)
    {
        var text = source.Replace('\\', '/');
        if (text.StartsWith('/') || text.Contains(':', StringComparison.Ordinal) || text.Split('/').Any(s => s is ".." or "."))
        {
            return (null, $"SourcePath “{source}” is refused: it must be a path inside the recipes folder, without “..”.");
        }

        return (text, null);
    }
}
