using System.Text.Json;
using System.Text.Json.Nodes;
using Cms.Content;
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
        // Items read one at a time from the recipe's text (RecipeItems): each is parsed, checked and let go.
        var data = RecipeItems.Of(StepJson.Find(step.Data, "Data"));
        if (data is null)
        {
            StepJson.Array(step.Data, "Data", "", context, required: true);
            return;
        }

        var dataKey = StepJson.Spelling(step.Data, "Data");
        for (var i = 0; i < data.Count; i++)
        {
            var path = $"{dataKey}[{i}]";
            if (data.Parse(i) is not JsonObject item)
            {
                context.Error(path, $"A content item must be an object, not {StepJson.Describe(data.Parse(i))}.");
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
        // One batch at a time: its items are parsed from the recipe's text, noted for the report, imported and let go,
        // so memory holds the recipe's text and one batch, not every item. All in the recipe's one transaction.
        var data = RecipeItems.Of(StepJson.Find(step.Data, "Data"))!;
        var report = new ContentStepReport(contentManager);
        for (var done = 0; done < data.Count; done += ProgressEvery)
        {
            var batch = new List<ContentItem>(ProgressEvery);
            var newVersions = new HashSet<string>(StringComparer.Ordinal);
            for (var i = done; i < Math.Min(done + ProgressEvery, data.Count); i++)
            {
                var json = (JsonObject)data.Parse(i)!;
                if (json["ContentItemVersionId"]?.GetValue<string>() is not { Length: > 0 })
                {
                    json["ContentItemVersionId"] = IdGenerator.NewId();
                    newVersions.Add(json["ContentItemVersionId"]!.GetValue<string>());
                }

                batch.Add(ToItem(json));
            }

            await report.BeforeAsync(batch, newVersions);
            await contentManager.ImportAsync(batch);
            if (data.Count > ProgressEvery)
            {
                logger.LogInformation(ProgressEvent, "Step {Index} (content): {Done} of {Total} items imported", step.Index, Math.Min(done + ProgressEvery, data.Count), data.Count);
            }
        }

        await report.WriteAsync(context.Changes);
    }

    private static ContentItem ToItem(JsonObject json)
    {
        var item = ContentItem.FromJson(json);

        // Orchard's recipes list the versions they mean readers to see; absent flags mean a live item.
        item.Latest = json["Latest"] is null || item.Latest;
        item.Published = json["Published"] is null || item.Published;
        return item;
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
