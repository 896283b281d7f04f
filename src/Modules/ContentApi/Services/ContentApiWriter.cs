using System.Text.Json;
using System.Text.Json.Nodes;
using Cms.Content;
using Cms.ContentDefinitions;
using Microsoft.Extensions.Options;

namespace Modules.ContentApi.Services;

/// <summary>
/// Puts a posted item's parts onto an item, checked as the admin editor and the recipe content step
/// check them: a part must be attached to the type, must read as that part, every message of the part's
/// own validation (<see cref="IValidatablePart"/>) and every character XML cannot carry is an error under
/// "{Part}.{Property}". Nothing is applied unless every part is valid.
/// </summary>
public sealed class ContentApiWriter(IOptions<ContentPartOptions> parts)
{
    private static readonly HashSet<string> s_common = new(StringComparer.Ordinal)
    {
        "ContentItemId", "ContentItemVersionId", "ContentType", "DisplayText", "Latest", "Published",
        "Owner", "Author", "CreatedUtc", "ModifiedUtc", "PublishedUtc", ItemRepresentation.ExtrasKey,
    };

    /// <summary>The errors by field; when there are none, the parts have been applied to <paramref name="item"/>.</summary>
    public Dictionary<string, string[]> Apply(JsonObject body, ContentItem item, ContentTypeDefinition type)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var attached = type.ContentTypePartDefinitionRecords.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var read = new List<(string Name, ContentPart? Part, JsonObject Json)>();
        foreach (var (key, value) in body)
        {
            if (s_common.Contains(key))
            {
                continue; // set by the site (ids, dates, owner), by the parts (DisplayText from the title), or read-only (Extras)
            }

            if (!attached.Contains(key))
            {
                errors[key] = [$"Type '{type.Name}' has no part '{key}'. Its parts: {string.Join(", ", attached.Order(StringComparer.Ordinal))}."];
                continue;
            }

            if (value is not JsonObject json)
            {
                errors[key] = [$"'{key}' must be a JSON object of the part's properties."];
                continue;
            }

            if (ReadPart(key, json, errors) is var (ok, part) && ok)
            {
                read.Add((key, part, json));
            }
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        foreach (var (name, part, json) in read)
        {
            if (part is null)
            {
                item.Content[name] = json.DeepClone(); // a part without code (defined in a recipe): stored as given
            }
            else
            {
                item.Apply(name, part);
            }
        }

        return errors;
    }

    private (bool Ok, ContentPart? Part) ReadPart(string name, JsonObject json, Dictionary<string, string[]> errors)
    {
        if (parts.Value.Find(name) is not { } registration)
        {
            return (true, null);
        }

        ContentPart? part;
        try
        {
            part = (ContentPart?)json.Deserialize(registration.PartType, ContentJson.Options);
        }
        catch (JsonException ex)
        {
            var where = ex.Path is { Length: > 2 } path ? path[1..] : "";
            errors[name + where] = [$"A value of '{name}' has the wrong type."];
            return (false, null);
        }

        if (part is null)
        {
            errors[name] = [$"'{name}' must be a JSON object of the part's properties."];
            return (false, null);
        }

        var found = new List<(string Field, string Message)>();
        if (part is IValidatablePart validatable)
        {
            found.AddRange(validatable.Validate().Select(e => ($"{name}.{e.Property}", e.Message)));
        }

        found.AddRange(XmlProblems(JsonSerializer.SerializeToNode(part, part.GetType(), ContentJson.Options), name));
        foreach (var group in found.GroupBy(f => f.Field, StringComparer.Ordinal))
        {
            errors[group.Key] = group.Select(f => f.Message).Distinct(StringComparer.Ordinal).ToArray();
        }

        return (found.Count == 0, part);
    }

    private static IEnumerable<(string Field, string Message)> XmlProblems(JsonNode? node, string path) => node switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) && XmlChars.Problem(text, path[(path.LastIndexOf('.') + 1)..]) is { } message => [(path, message)],
        JsonArray array => array.SelectMany(item => XmlProblems(item, path)),
        JsonObject obj => obj.SelectMany(p => XmlProblems(p.Value, path.Contains('.') ? path : $"{path}.{p.Key}")),
        _ => [],
    };
}
