using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cms.Content;

/// <summary>
/// One version of a content item, in Orchard's shape: common properties, and one JSON object
/// per part named after the part. A part is deserialized once: <see cref="As{T}"/> keeps it and
/// returns the same object after, so change a part through <see cref="Apply{T}"/> or <see cref="Alter{T}"/>.
/// </summary>
public sealed class ContentItem
{
    private static readonly HashSet<string> s_commonProperties = new(StringComparer.Ordinal)
    {
        "ContentItemId", "ContentItemVersionId", "ContentType", "DisplayText", "Latest", "Published",
        "Owner", "Author", "CreatedUtc", "ModifiedUtc", "PublishedUtc",
    };

    public string ContentItemId { get; set; } = "";
    public string ContentItemVersionId { get; set; } = "";
    public string ContentType { get; set; } = "";
    public string DisplayText { get; set; } = "";
    public bool Latest { get; set; }
    public bool Published { get; set; }
    public string Owner { get; set; } = "";
    public string Author { get; set; } = "";
    public DateTime? CreatedUtc { get; set; }
    public DateTime? ModifiedUtc { get; set; }
    public DateTime? PublishedUtc { get; set; }

    // The parts read so far, by name: a page asks for the same part from several drivers and views.
    private readonly Dictionary<string, ContentPart> _parts = new(StringComparer.Ordinal);

    // The parts of an item read from text (FromJson(string)): each part's node in Content and the stored text it came from.
    // Content's nodes are replaced, never changed in place (Apply, CopyPartsFrom), so a node that is still the one read
    // means its text is current.
    private Dictionary<string, (JsonNode Node, JsonElement Text)>? _stored;

    /// <summary>The parts (and anything else not common), keyed by name, as stored. Read it; change parts through Apply.</summary>
    public JsonObject Content { get; private set; } = [];

    public bool Has(string partName) => Content[partName] is JsonObject;

    /// <summary>The part stored under its class name, or null when the item has none.</summary>
    public T? As<T>() where T : ContentPart => Get<T>(typeof(T).Name);

    public T? Get<T>(string name) where T : ContentPart
    {
        if (_parts.TryGetValue(name, out var read) && read is T same)
        {
            return same;
        }

        if (Content[name] is not JsonObject node)
        {
            return null;
        }

        // A part still as it was read is deserialized from its stored text; a node made or replaced since is written
        // out first (what JsonNode.Deserialize does), a copy with every string escaped again (issue 12 point 1: 5 % of a
        // cache miss's CPU).
        var part = _stored is not null && _stored.TryGetValue(name, out var stored) && ReferenceEquals(stored.Node, node)
            ? stored.Text.Deserialize<T>(ContentJson.Options)
            : node.Deserialize<T>(ContentJson.Options);
        if (part is not null)
        {
            part.ContentItem = this;
            _parts[name] = part;
        }

        return part;
    }

    /// <summary>The part, or a new empty one when the item has none yet.</summary>
    public T GetOrCreate<T>() where T : ContentPart, new() => As<T>() ?? new T { ContentItem = this };

    /// <summary>Stores the part under its class name.</summary>
    public ContentItem Apply<T>(T part) where T : ContentPart => Apply(typeof(T).Name, part);

    public ContentItem Apply(string name, ContentPart part)
    {
        Content[name] = JsonSerializer.SerializeToNode(part, part.GetType(), ContentJson.Options);
        part.ContentItem = this;
        _parts[name] = part;
        return this;
    }

    /// <summary>Takes every part of <paramref name="other"/> (a working copy an editor changed) as this item's own.</summary>
    public void CopyPartsFrom(ContentItem other)
    {
        foreach (var (name, value) in other.Content)
        {
            Content[name] = value?.DeepClone();
        }

        _parts.Clear();
    }

    /// <summary>Reads the part, lets <paramref name="alter"/> change it, and stores it back.</summary>
    public ContentItem Alter<T>(Action<T> alter) where T : ContentPart, new()
    {
        var part = GetOrCreate<T>();
        alter(part);
        return Apply(part);
    }

    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["ContentItemId"] = ContentItemId,
            ["ContentItemVersionId"] = ContentItemVersionId,
            ["ContentType"] = ContentType,
            ["DisplayText"] = DisplayText,
            ["Latest"] = Latest,
            ["Published"] = Published,
            ["ModifiedUtc"] = ModifiedUtc,
            ["PublishedUtc"] = PublishedUtc,
            ["CreatedUtc"] = CreatedUtc,
            ["Owner"] = Owner,
            ["Author"] = Author,
        };
        foreach (var (name, value) in Content)
        {
            json[name] = value?.DeepClone();
        }

        return json;
    }

    public string ToJsonString() => ToJson().ToJsonString(ContentJson.Options);

    public static ContentItem FromJson(JsonObject json)
    {
        var item = Common(json);
        foreach (var (name, value) in json)
        {
            if (!s_commonProperties.Contains(name))
            {
                item.Content[name] = value?.DeepClone();
            }
        }

        return item;
    }

    /// <summary>The item stored as <paramref name="json"/> (see <see cref="FromJson(JsonElement)"/>).</summary>
    public static ContentItem FromJson(string json) => FromJson(JsonElement.Parse(json));

    /// <summary>
    /// The item <paramref name="root"/> holds. Its parts are nodes over the element, built no further than they are read,
    /// and a part asked for is deserialized from the element (a cache miss reads an item once or more a page: issue 12
    /// point 1). The element is only read, so one parsed once (<see cref="JsonElement.Parse(string, JsonDocumentOptions)"/>)
    /// and kept may be handed to every request: each gets an item and nodes of its own.
    /// </summary>
    public static ContentItem FromJson(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("A content item must be a JSON object.");
        }

        var item = Common(root);
        foreach (var property in root.EnumerateObject())
        {
            if (s_commonProperties.Contains(property.Name))
            {
                continue;
            }

            var node = NodeOf(property.Value);
            item.Content.Add(property.Name, node);
            if (node is JsonObject)
            {
                item._stored ??= new(StringComparer.Ordinal);
                item._stored[property.Name] = (node, property.Value);
            }
        }

        return item;
    }

    /// <summary>The item as an element to keep: parsed once, read by <see cref="FromJson(JsonElement)"/> as often as needed.</summary>
    public JsonElement ToJsonElement() => JsonElement.Parse(ToJsonString());

    /// <summary>A node over the element, as JsonNode.Parse makes one: built no further until it is read.</summary>
    private static JsonNode? NodeOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => JsonObject.Create(value),
        JsonValueKind.Array => JsonArray.Create(value),
        JsonValueKind.Null => null,
        _ => JsonValue.Create(value),
    };

    private static ContentItem Common(JsonObject json)
        => new()
        {
            ContentItemId = json["ContentItemId"]?.GetValue<string>() ?? "",
            ContentItemVersionId = json["ContentItemVersionId"]?.GetValue<string>() ?? "",
            ContentType = json["ContentType"]?.GetValue<string>() ?? "",
            DisplayText = json["DisplayText"]?.GetValue<string>() ?? "",
            Latest = json["Latest"]?.GetValue<bool>() ?? false,
            Published = json["Published"]?.GetValue<bool>() ?? false,
            Owner = json["Owner"]?.GetValue<string>() ?? "",
            Author = json["Author"]?.GetValue<string>() ?? "",
            CreatedUtc = ReadDate(json["CreatedUtc"]),
            ModifiedUtc = ReadDate(json["ModifiedUtc"]),
            PublishedUtc = ReadDate(json["PublishedUtc"]),
        };

    // The common properties read straight from the element, as Common(JsonObject) reads them from nodes.
    private static ContentItem Common(JsonElement json)
        => new()
        {
            ContentItemId = StringOf(json, "ContentItemId"),
            ContentItemVersionId = StringOf(json, "ContentItemVersionId"),
            ContentType = StringOf(json, "ContentType"),
            DisplayText = StringOf(json, "DisplayText"),
            Latest = json.TryGetProperty("Latest", out var latest) && latest.ValueKind != JsonValueKind.Null && latest.GetBoolean(),
            Published = json.TryGetProperty("Published", out var published) && published.ValueKind != JsonValueKind.Null && published.GetBoolean(),
            Owner = StringOf(json, "Owner"),
            Author = StringOf(json, "Author"),
            CreatedUtc = DateOf(json, "CreatedUtc"),
            ModifiedUtc = DateOf(json, "ModifiedUtc"),
            PublishedUtc = DateOf(json, "PublishedUtc"),
        };

    private static string StringOf(JsonElement json, string name)
        => json.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value.GetString()! : "";

    private static DateTime? DateOf(JsonElement json, string name)
        => json.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value.GetDateTime().ToUniversalTime() : null;

    /// <summary>A deep copy, for making a new version from this one.</summary>
    public ContentItem Clone() => FromJson(ToJson());

    private static DateTime? ReadDate(JsonNode? node)
        => node is null ? null : node.GetValue<DateTime>().ToUniversalTime();
}
