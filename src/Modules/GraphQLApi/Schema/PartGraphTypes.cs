using System.Text.Json.Nodes;
using Cms.Content;
using Cms.ContentDefinitions;
using GraphQL.Resolvers;
using GraphQL.Types;

namespace Modules.GraphQLApi.Schema;

/// <summary>
/// One GraphQL type per part: typed fields from the part's class where a module registered one
/// (TitlePart, QuotePart, ForecastPart, ...), a field per content field its definition lists (TextField,
/// NumericField, LinkField, ...), and always <c>json</c>, the part as stored, so a part the site has no code
/// or fields for still shows everything it holds.
/// </summary>
public sealed class PartGraphTypes(ContentPartOptions registered, IReadOnlyList<ContentPartDefinition> definitions, GraphNames names, JsonGraphType json)
{
    // Orchard's content fields: the properties each stores, e.g. {"Subtitle": {"Text": "..."}}.
    private static readonly Dictionary<string, (string Name, string Json, Type Scalar)[]> s_fieldShapes = new(StringComparer.Ordinal)
    {
        ["TextField"] = [("text", "Text", typeof(StringGraphType))],
        ["HtmlField"] = [("html", "Html", typeof(StringGraphType))],
        ["MarkdownField"] = [("markdown", "Markdown", typeof(StringGraphType))],
        ["NumericField"] = [("value", "Value", typeof(DecimalGraphType))],
        ["BooleanField"] = [("value", "Value", typeof(BooleanGraphType))],
        ["DateField"] = [("value", "Value", typeof(DateTimeGraphType))],
        ["DateTimeField"] = [("value", "Value", typeof(DateTimeGraphType))],
        ["TimeField"] = [("value", "Value", typeof(StringGraphType))],
        ["LinkField"] = [("url", "Url", typeof(StringGraphType)), ("text", "Text", typeof(StringGraphType)), ("target", "Target", typeof(StringGraphType))],
        ["ContentPickerField"] = [("contentItemIds", "ContentItemIds", typeof(ListGraphType<StringGraphType>))],
        ["MediaField"] = [("paths", "Paths", typeof(ListGraphType<StringGraphType>))],
    };

    private readonly Dictionary<string, IGraphType> _parts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IGraphType> _fields = new(StringComparer.Ordinal);
    private readonly ClrGraphTypes _clr = new(names, json);

    /// <summary>The type of a module's API section (<c>quoteDrift</c>): typed fields from its class, made once per schema.</summary>
    public IGraphType Section(Type shape) => _clr.Map(shape, 0).Made ?? json;

    /// <summary>The type of the part definition <paramref name="partName"/>, made once per schema.</summary>
    public IGraphType For(string partName)
    {
        if (_parts.TryGetValue(partName, out var made))
        {
            return made;
        }

        var type = new ObjectGraphType
        {
            Name = names.Type(partName.EndsWith("Part", StringComparison.Ordinal) ? partName : partName + "Part"),
            Description = $"The {partName} of a content item.",
        };
        _parts[partName] = type;
        if (registered.Find(partName)?.PartType is { } clr)
        {
            _clr.AddFields(type, clr);
        }

        var definition = definitions.FirstOrDefault(d => string.Equals(d.Name, partName, StringComparison.Ordinal));
        foreach (var field in definition?.ContentPartFieldDefinitionRecords ?? [])
        {
            var name = GraphNames.Field(field.Name);
            if (!type.HasField(name))
            {
                var fieldType = FieldType(field.FieldName);
                type.AddField(new GraphRef(null, fieldType, node => fieldType == json ? node : node as JsonObject)
                    .Field(name, field.Name, $"The {field.FieldName} {field.Name}."));
            }
        }

        if (!type.HasField("json"))
        {
            type.AddField(new FieldType
            {
                Name = "json",
                Description = "The part as stored in the content item (Orchard's JSON), whatever fields it has.",
                ResolvedType = json,
                Resolver = new FuncFieldResolver<object?>(context => context.Source as JsonObject),
            });
        }

        return type;
    }

    private IGraphType FieldType(string fieldName)
    {
        if (!s_fieldShapes.TryGetValue(fieldName, out var shape))
        {
            return json;
        }

        if (!_fields.TryGetValue(fieldName, out var type))
        {
            var made = new ObjectGraphType { Name = names.Type(fieldName), Description = $"Orchard's {fieldName}." };
            foreach (var (name, jsonName, scalar) in shape)
            {
                var read = scalar == typeof(ListGraphType<StringGraphType>)
                    ? (Func<JsonNode?, object?>)(node => node is JsonArray array ? array.Select(JsonValues.String).ToList() : null)
                    : scalar == typeof(DecimalGraphType) ? JsonValues.Decimal
                    : scalar == typeof(BooleanGraphType) ? JsonValues.Boolean
                    : scalar == typeof(DateTimeGraphType) ? JsonValues.DateTime
                    : JsonValues.String;
                made.AddField(new GraphRef(scalar, null, read).Field(name, jsonName));
            }

            _fields[fieldName] = type = made;
        }

        return type;
    }
}
