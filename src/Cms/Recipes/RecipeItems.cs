using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Cms.Recipes;

/// <summary>
/// A content step's items, read from the recipe's UTF-8 text one at a time (issue 12: a recipe of 10,000 posts,
/// parsed whole, held ten times its size in JSON nodes through validation). The reader keeps only where each
/// item's text starts and ends; validation and the import each parse an item when they reach it and let it go.
/// An item whose script values were evaluated is kept as evaluated, so every pass sees the same values (one
/// uuid()). In a step's JSON the items stand as one value (<see cref="Wrap"/>), written out as the array they are.
/// </summary>
[JsonConverter(typeof(RecipeItemsConverter))]
public sealed class RecipeItems
{
    private static readonly JsonTypeInfo<RecipeItems> s_typeInfo
        = JsonMetadataServices.CreateValueInfo<RecipeItems>(new JsonSerializerOptions { TypeInfoResolver = JsonTypeInfoResolver.Combine() }, new RecipeItemsConverter());

    private readonly ReadOnlyMemory<byte> _source;
    private readonly List<(int Start, int Length)> _spans = [];
    private readonly Dictionary<int, JsonNode?> _evaluated = [];

    private RecipeItems(ReadOnlyMemory<byte> source) => _source = source;

    public int Count => _spans.Count;

    /// <summary>The item at <paramref name="index"/>, parsed anew from the text (or as evaluated): the caller may change it.</summary>
    public JsonNode? Parse(int index)
    {
        if (_evaluated.TryGetValue(index, out var evaluated))
        {
            return evaluated?.DeepClone();
        }

        var (start, length) = _spans[index];
        return JsonNode.Parse(_source.Span.Slice(start, length), documentOptions: RecipeReader.DocumentOptions);
    }

    /// <summary>The items in order, each parsed when it is reached.</summary>
    public IEnumerable<JsonNode?> ReadAll()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return Parse(i);
        }
    }

    /// <summary>
    /// False when the item's text can hold no script value and no character XML cannot carry, so the preparer
    /// need not parse it: a script value is a string starting "[js:" or "[file:"; such a character comes only as
    /// an escape (\u, \b, \f) or as U+FFFE or U+FFFF written out (a JSON reader refuses raw control characters).
    /// </summary>
    internal bool MayNeedPreparing(int index)
    {
        var (start, length) = _spans[index];
        var text = _source.Span.Slice(start, length);
        if (text.IndexOf("[js:"u8) >= 0 || text.IndexOf("[file:"u8) >= 0 || text.IndexOf("\uFFFE"u8) >= 0 || text.IndexOf("\uFFFF"u8) >= 0)
        {
            return true;
        }

        // Two bytes at a time past each backslash, so an escaped backslash ("\\u") is not taken for "\u".
        for (var rest = text; rest.IndexOf((byte)'\\') is var at and >= 0 && at + 1 < rest.Length; rest = rest[(at + 2)..])
        {
            if (rest[at + 1] is (byte)'u' or (byte)'b' or (byte)'f')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Keeps the item as the preparer evaluated it.</summary>
    internal void Keep(int index, JsonNode? evaluated) => _evaluated[index] = evaluated;

    /// <summary>The items as a JSON array (for a step that is not read item by item).</summary>
    public JsonArray ToJsonArray() => new(ReadAll().ToArray());

    /// <summary>The items as one value of a step's JSON; <see cref="Of"/> finds them again.</summary>
    public JsonValue Wrap() => JsonValue.Create(this, s_typeInfo)!;

    /// <summary>The items a step's value holds: read item by item, or a JSON array; null for anything else.</summary>
    public static RecipeItems? Of(JsonNode? node) => node switch
    {
        JsonValue value when value.TryGetValue<RecipeItems>(out var items) => items,
        JsonArray array => FromArray(array),
        _ => null,
    };

    private static RecipeItems FromArray(JsonArray array)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            array.WriteTo(writer);
        }

        var items = new RecipeItems(buffer.WrittenMemory);
        var reader = new Utf8JsonReader(buffer.WrittenSpan);
        reader.Read();
        items.Scan(ref reader);
        return items;
    }

    /// <summary>Reads an array's items from the reader (at its StartArray; left at its EndArray), keeping where each one lies.</summary>
    internal static RecipeItems Read(ref Utf8JsonReader reader, ReadOnlyMemory<byte> source)
    {
        var items = new RecipeItems(source);
        items.Scan(ref reader);
        return items;
    }

    private void Scan(ref Utf8JsonReader reader)
    {
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var start = checked((int)reader.TokenStartIndex);
            reader.Skip();
            _spans.Add((start, checked((int)reader.BytesConsumed) - start));
        }
    }

    private sealed class RecipeItemsConverter : JsonConverter<RecipeItems>
    {
        public override RecipeItems Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
            => throw new NotSupportedException("Recipe items are read by RecipeReader.");

        public override void Write(Utf8JsonWriter writer, RecipeItems value, JsonSerializerOptions options)
        {
            writer.WriteStartArray();
            foreach (var item in value.ReadAll())
            {
                if (item is null)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    item.WriteTo(writer, options);
                }
            }

            writer.WriteEndArray();
        }
    }
}
