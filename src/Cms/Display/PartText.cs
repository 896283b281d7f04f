using System.Text.Json;
using System.Text.Json.Nodes;
using Cms.Content;

namespace Cms.Display;

/// <summary>
/// Refuses, beside the field, any text of a posted part that XML cannot carry, whatever the part: every
/// string the part stores is looked at, so a new part's fields are covered without code of its own.
/// </summary>
public static class PartText
{
    public static void AddXmlErrors(IUpdateModel updater, string prefix, ContentPart part)
    {
        if (JsonSerializer.SerializeToNode(part, part.GetType(), ContentJson.Options) is not JsonObject json)
        {
            return;
        }

        foreach (var (property, value) in json)
        {
            var field = $"{prefix}.{property}";
            if (updater.ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0)
            {
                continue;
            }

            if (FirstProblem(value, property) is { } message)
            {
                updater.ModelState.AddModelError(field, message);
            }
        }
    }

    private static string? FirstProblem(JsonNode? node, string property) => node switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) => XmlChars.Problem(text, property),
        JsonArray array => array.Select(item => FirstProblem(item, property)).FirstOrDefault(p => p is not null),
        JsonObject obj => obj.Select(p => FirstProblem(p.Value, property)).FirstOrDefault(p => p is not null),
        _ => null,
    };
}
