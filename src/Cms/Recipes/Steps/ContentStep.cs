using System.Text.Json;
using System.Text.Json.Nodes;
using Cms.Content;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cms.Recipes.Steps;

/// <summary>
/// "content": { "Data": [items] } in Orchard's content item JSON. A version with the same
/// ContentItemVersionId is updated; otherwise a new version is added.
/// </summary>
public sealed class ContentStep(IContentManager contentManager, IOptions<ContentPartOptions> parts, ILogger<ContentStep> logger) : IRecipeStepHandler
{
    /// <summary>A large import says how far it is every this many items (on the command line's standard error too).</summary>
    public const int ProgressEvery = 500;

    private static readonly string[] s_dateKeys = ["CreatedUtc", "ModifiedUtc", "PublishedUtc"];

    /// <summary>Progress of a long step: the command line shows these lines while it works.</summary>
    public static readonly EventId ProgressEvent = new(9100, "RecipeProgress");

    public string Name => "content";

    public void Validate(RecipeStep step, RecipeValidationContext context)
    {
        var data = StepJson.Array(step.Data, "Data", "", context, required: true);
        var dataKey = StepJson.Spelling(step.Data, "Data");
        for (var i = 0; data is not null && i < data.Count; i++)
        {
            var path = $"{dataKey}[{i}]";
            if (data[i] is not JsonObject item)
            {
                context.Error(path, $"A content item must be an object, not {StepJson.Describe(data[i])}.");
                continue;
            }

            ValidateId(item, "ContentItemId", path, context, required: true);
            ValidateId(item, "ContentItemVersionId", path, context, required: false);
            StepJson.String(item, "DisplayText", path, context);
            StepJson.String(item, "Owner", path, context);
            StepJson.String(item, "Author", path, context);
            foreach (var key in new[] { "Latest", "Published" })
            {
                if (item[key] is { } flag && !(flag is JsonValue v && v.TryGetValue<bool>(out _)))
                {
                    context.Error($"{path}.{key}", $"'{key}' must be true or false.");
                }
            }

            foreach (var key in s_dateKeys)
            {
                if (item[key] is { } date && !(date is JsonValue v && v.TryGetValue<string>(out var s) && DateTime.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out _)))
                {
                    context.Error($"{path}.{key}", $"'{key}' must be an ISO 8601 date such as 2020-09-11T12:00:00Z.");
                }
            }

            var type = StepJson.String(item, "ContentType", path, context, required: true);
            if (type is null)
            {
                continue;
            }

            if (!context.ContentTypes.TryGetValue(type, out var typeParts))
            {
                context.Error($"{path}.ContentType", $"There is no content type '{type}'.");
                continue;
            }

            ValidateParts(item, type, typeParts, path, context);
        }
    }

    public async Task ApplyAsync(RecipeStep step, RecipeApplyContext context)
    {
        // Only the ids are read up front; each batch's items are made from their JSON when the batch is imported,
        // and that JSON is dropped as it goes, so memory holds the recipe and one batch, not the recipe twice.
        var data = (JsonArray)StepJson.Find(step.Data, "Data")!;
        var keys = new List<(string ItemId, string VersionId)>(data.Count);
        foreach (var node in data)
        {
            var json = (JsonObject)node!;
            if (json["ContentItemVersionId"]?.GetValue<string>() is not { Length: > 0 })
            {
                json["ContentItemVersionId"] = IdGenerator.NewId();
            }

            keys.Add((json["ContentItemId"]!.GetValue<string>(), json["ContentItemVersionId"]!.GetValue<string>()));
        }

        // Looked up in sets, not item by item: a recipe of 10,000 posts made 30,000 queries here.
        var before = (await StoredVersionsAsync(keys.Select(k => k.VersionId), withData: true)).ToDictionary(v => v.ContentItemVersionId, StringComparer.Ordinal);
        var existingItems = await ExistingItemsAsync(keys);

        // All in the recipe's one transaction; the batches only let a long import say how far it is.
        for (var done = 0; done < data.Count; done += ProgressEvery)
        {
            var batch = new List<ContentItem>(ProgressEvery);
            for (var i = done; i < Math.Min(done + ProgressEvery, data.Count); i++)
            {
                batch.Add(ToItem((JsonObject)data[i]!));
                data[i] = null;
            }

            await contentManager.ImportAsync(batch);
            if (data.Count > ProgressEvery)
            {
                logger.LogInformation(ProgressEvent, "Step {Index} (content): {Done} of {Total} items imported", step.Index, Math.Min(done + ProgressEvery, data.Count), data.Count);
            }
        }

        data.Clear();

        // A version that was not stored before is new whatever it holds: its JSON need not be read to tell.
        var reported = new HashSet<string>(StringComparer.Ordinal);
        var after = (await StoredVersionsAsync(keys.Select(k => k.VersionId).Where(before.ContainsKey), withData: true))
            .Concat(await StoredVersionsAsync(keys.Select(k => k.VersionId).Where(v => !before.ContainsKey(v)), withData: false))
            .ToDictionary(v => v.ContentItemVersionId, StringComparer.Ordinal);
        foreach (var (itemId, versionId) in keys)
        {
            var stored = after.GetValueOrDefault(versionId);
            if (stored is null || stored == before.GetValueOrDefault(versionId))
            {
                continue;
            }

            // One line per item: a new item's later versions (a draft over its published one) are part of its creation.
            if (reported.Add(itemId))
            {
                var change = existingItems.Contains(itemId) ? "updated" : "created";
                context.Changes.Add($"content item {change}: {stored.ContentType} '{stored.DisplayText}' ({stored.ContentItemId})");
            }
        }
    }

    private static ContentItem ToItem(JsonObject json)
    {
        var item = ContentItem.FromJson(json);

        // Orchard's recipes list the versions they mean readers to see; absent flags mean a live item.
        item.Latest = json["Latest"] is null || item.Latest;
        item.Published = json["Published"] is null || item.Published;
        return item;
    }

    /// <summary>Lookups take this many ids at a time, well under each database's limit on parameters.</summary>
    private const int LookupChunk = 1000;

    /// <summary>What the report needs of a stored version; two equal ones mean the version did not change.</summary>
    private sealed record StoredVersion(string ContentItemId, string ContentItemVersionId, string ContentType, string DisplayText, bool Latest, bool Published, string Data);

    /// <summary>The stored versions among these, whichever exist (their JSON as text, when asked for: nothing is parsed).</summary>
    private async Task<List<StoredVersion>> StoredVersionsAsync(IEnumerable<string> versionIds, bool withData)
    {
        var found = new List<StoredVersion>();
        foreach (var chunk in versionIds.Distinct(StringComparer.Ordinal).Chunk(LookupChunk))
        {
            found.AddRange(await contentManager.Query().Where(r => chunk.Contains(r.ContentItemVersionId))
                .Select(r => new StoredVersion(r.ContentItemId, r.ContentItemVersionId, r.ContentType, r.DisplayText, r.Latest, r.Published, withData ? r.Data : ""))
                .ToListAsync());
        }

        return found;
    }

    /// <summary>The recipe's items that have any stored version (so the report says "updated").</summary>
    private async Task<HashSet<string>> ExistingItemsAsync(List<(string ItemId, string VersionId)> keys)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in keys.Select(k => k.ItemId).Distinct(StringComparer.Ordinal).Chunk(LookupChunk))
        {
            found.UnionWith(await contentManager.Query().Where(r => chunk.Contains(r.ContentItemId)).Select(r => r.ContentItemId).Distinct().ToListAsync());
        }

        return found;
    }

    private void ValidateParts(JsonObject item, string type, HashSet<string> typeParts, string path, RecipeValidationContext context)
    {
        foreach (var (key, value) in item)
        {
            var registration = parts.Value.Find(key);
            var isPartName = registration is not null || key.EndsWith("Part", StringComparison.Ordinal);
            if (value is not JsonObject partJson || !isPartName)
            {
                continue;
            }

            if (!typeParts.Contains(key))
            {
                context.Error($"{path}.{key}", registration is null && !context.DefinedParts.Contains(key)
                    ? $"There is no part '{key}'."
                    : $"Part '{key}' is not attached to type '{type}'.");
                continue;
            }

            if (registration is null)
            {
                continue;
            }

            object? part;
            try
            {
                part = partJson.Deserialize(registration.PartType, ContentJson.Options);
            }
            catch (JsonException ex)
            {
                var where = ex.Path is { Length: > 2 } jsonPath ? jsonPath[1..] : "";
                context.Error($"{path}.{key}{where}", $"A value of '{key}' has the wrong type.");
                continue;
            }

            if (part is IValidatablePart validatable)
            {
                foreach (var error in validatable.Validate())
                {
                    context.Error($"{path}.{key}.{error.Property}", error.Message);
                }
            }
        }
    }

    private static void ValidateId(JsonObject item, string key, string path, RecipeValidationContext context, bool required)
    {
        var id = StepJson.String(item, key, path, context, required);
        if (id is not null && !(id.Length is > 0 and <= 26 && id.All(char.IsAsciiLetterOrDigit)))
        {
            context.Error($"{path}.{key}", $"'{key}' must be 1 to 26 letters and digits, as Orchard's ids are.");
        }
    }
}
