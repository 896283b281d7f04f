using System.Text.Json.Nodes;
using Cms.Content;

namespace Cms.Recipes;

/// <summary>
/// Every text in a recipe step, after its script values are evaluated, must be one XML can carry: titles,
/// tags, quotes, settings and names end up in feeds and the sitemap, which a control character would break.
/// </summary>
public static class RecipeXmlText
{
    /// <summary>Each string (or property name) with a character XML cannot carry, by its JSON path.</summary>
    public static IEnumerable<(string Path, string Message)> Problems(JsonNode? node, string path)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    var childPath = $"{path}.{key}";
                    if (XmlChars.Problem(key, "The property name") is { } keyProblem)
                    {
                        yield return (childPath, keyProblem);
                    }

                    foreach (var problem in Problems(value, childPath))
                    {
                        yield return problem;
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    foreach (var problem in Problems(array[i], $"{path}[{i}]"))
                    {
                        yield return problem;
                    }
                }

                break;
            case JsonValue value when value.TryGetValue<string>(out var text) && XmlChars.Problem(text, "The text") is { } message:
                yield return (path, message);
                break;
        }
    }
}
