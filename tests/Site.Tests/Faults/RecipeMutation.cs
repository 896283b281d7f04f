using System.Text.Json;
using System.Text.Json.Nodes;

namespace Site.Tests.Faults;

/// <summary>
/// A real recipe changed in a few places, deterministically from the generated numbers (so CsCheck
/// can shrink a failing case to its smallest): a value of the wrong type, an unknown step or part,
/// a hostile string, a deep nest, a huge value, a missing or duplicated member, or the text cut short.
/// </summary>
public sealed record RecipeMutation(int Recipe, int[] Kinds, int[] Targets, int[] Payloads)
{
    public const int KindCount = 12;

    public string Apply(IReadOnlyList<string> recipes)
    {
        var text = recipes[Recipe % recipes.Count];
        var root = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })!;
        for (var i = 0; i < Kinds.Length; i++)
        {
            var kind = Kinds[i] % KindCount;
            if (kind == 11)
            {
                // Not JSON any more: the text cut at some point.
                var json = root.ToJsonString();
                return json[..(Targets[i] % Math.Max(1, json.Length))];
            }

            root = Mutate(root, kind, Targets[i], FaultCases.Hostile[Payloads[i] % FaultCases.Hostile.Length]);
        }

        return root.ToJsonString();
    }

    private static JsonNode Mutate(JsonNode root, int kind, int target, string hostile)
    {
        var nodes = new List<JsonNode>();
        Collect(root, nodes);
        var node = nodes[target % nodes.Count];
        JsonNode? replacement = kind switch
        {
            0 => JsonValue.Create(hostile),
            1 => JsonValue.Create(target % 2 == 0 ? long.MaxValue : -1.5e300),
            2 => JsonValue.Create(target % 2 == 0),
            3 => null,
            4 => new JsonArray(JsonValue.Create(hostile), new JsonObject()),
            5 => new JsonObject { ["Unknown" + (target % 7)] = hostile },
            6 => Nest(target % 70),
            7 => JsonValue.Create(new string((char)('a' + target % 26), 200_000 + target % 1000)),
            _ => node.DeepClone(),
        };
        switch (kind)
        {
            case 8 when root is JsonObject recipe && recipe["steps"] is JsonArray steps:
                steps.Insert(target % (steps.Count + 1), new JsonObject { ["name"] = target % 3 == 0 ? hostile : "NoSuchStep" + target % 5, ["Data"] = new JsonArray() });
                return root;
            case 9 when nodes.OfType<JsonObject>().FirstOrDefault(o => o.ContainsKey("ContentType")) is { } item:
                item[target % 2 == 0 ? "NoSuchPart" : "TitlePart"] = new JsonObject { ["Title"] = hostile, ["Extra"] = Nest(target % 10) };
                return root;
            case 10 when node.Parent is JsonObject owner:
                owner.Remove(owner.First(p => ReferenceEquals(p.Value, node)).Key);
                return root;
        }

        if (node.Parent is JsonObject parent)
        {
            parent[parent.First(p => ReferenceEquals(p.Value, node)).Key] = replacement;
        }
        else if (node.Parent is JsonArray array)
        {
            array[array.IndexOf(node)] = replacement;
        }
        else
        {
            return replacement ?? JsonValue.Create(hostile)!;
        }

        return root;
    }

    private static JsonNode Nest(int depth)
    {
        JsonNode node = JsonValue.Create("deep")!;
        for (var i = 0; i < depth; i++)
        {
            node = i % 2 == 0 ? new JsonArray(node) : new JsonObject { ["d"] = node };
        }

        return node;
    }

    private static void Collect(JsonNode node, List<JsonNode> into)
    {
        into.Add(node);
        foreach (var child in node switch { JsonObject o => o.Select(p => p.Value), JsonArray a => a, _ => [] })
        {
            if (child is not null)
            {
                Collect(child, into);
            }
        }
    }

    public override string ToString() => $"recipe {Recipe}, kinds [{string.Join(",", Kinds)}], targets [{string.Join(",", Targets)}], payloads [{string.Join(",", Payloads)}]";
}
