using System.Collections;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using GraphQL.Resolvers;
using GraphQL.Types;

namespace Modules.GraphQLApi.Schema;

/// <summary>A field's GraphQL type (a built-in scalar by type, or a type made here) and how it reads the stored JSON.</summary>
public sealed record GraphRef(Type? ScalarType, IGraphType? Made, Func<JsonNode?, object?> Read)
{
    public FieldType Field(string name, string jsonName, string? description = null) => new()
    {
        Name = name,
        Description = description,
        Type = ScalarType,
        ResolvedType = Made,
        Resolver = new FuncFieldResolver<object?>(context => Read(JsonValues.Property(context.Source, jsonName))),
    };
}

/// <summary>
/// GraphQL types from a part's class (the code a module registered with AddContentPart): each public
/// property the JSON carries becomes a typed field, nested classes nested types, lists lists. Values are
/// read from the item's stored JSON, so a field shows what REST and export show.
/// </summary>
public sealed class ClrGraphTypes(GraphNames names, JsonGraphType json)
{
    private const int MaxNesting = 4;
    private readonly Dictionary<Type, IGraphType> _made = [];

    /// <summary>Adds a field per serialized property of <paramref name="clr"/> to <paramref name="type"/>.</summary>
    public void AddFields(IComplexGraphType type, Type clr, int nesting = 0)
    {
        foreach (var property in clr.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetMethod is not { IsPublic: true } || property.GetIndexParameters().Length > 0
                || property.GetCustomAttribute<JsonIgnoreAttribute>() is { Condition: JsonIgnoreCondition.Always }
                || type.HasField(GraphNames.Field(property.Name)))
            {
                continue;
            }

            var jsonName = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? property.Name;
            type.AddField(Map(property.PropertyType, nesting).Field(GraphNames.Field(property.Name), jsonName));
        }
    }

    public GraphRef Map(Type clr, int nesting)
    {
        clr = Nullable.GetUnderlyingType(clr) ?? clr;
        if (clr == typeof(string) || clr == typeof(Guid) || clr == typeof(Uri))
        {
            return new(typeof(StringGraphType), null, JsonValues.String);
        }

        if (clr == typeof(bool))
        {
            return new(typeof(BooleanGraphType), null, JsonValues.Boolean);
        }

        if (clr == typeof(int) || clr == typeof(short) || clr == typeof(byte))
        {
            return new(typeof(IntGraphType), null, JsonValues.Int);
        }

        if (clr == typeof(long))
        {
            return new(typeof(LongGraphType), null, JsonValues.Long);
        }

        if (clr == typeof(double) || clr == typeof(float))
        {
            return new(typeof(FloatGraphType), null, JsonValues.Float);
        }

        if (clr == typeof(decimal))
        {
            return new(typeof(DecimalGraphType), null, JsonValues.Decimal);
        }

        if (clr == typeof(DateTime) || clr == typeof(DateTimeOffset))
        {
            return new(typeof(DateTimeGraphType), null, JsonValues.DateTime);
        }

        if (clr.IsEnum)
        {
            return new(typeof(StringGraphType), null, JsonValues.Enum(clr));
        }

        if (ElementOf(clr) is { } element && nesting < MaxNesting)
        {
            var inner = Map(element, nesting + 1);
            var list = inner.Made is { } made
                ? new GraphRef(null, new ListGraphType(made), null!)
                : new GraphRef(typeof(ListGraphType<>).MakeGenericType(inner.ScalarType!), null, null!);
            return list with { Read = node => node is JsonArray array ? array.Select(inner.Read).ToList() : null };
        }

        if (clr.IsClass && !typeof(JsonNode).IsAssignableFrom(clr) && clr != typeof(object) && nesting < MaxNesting
            && !typeof(IEnumerable).IsAssignableFrom(clr))
        {
            return new(null, Nested(clr, nesting + 1), node => node as JsonObject);
        }

        return new(null, json, JsonValues.Raw);
    }

    private IGraphType Nested(Type clr, int nesting)
    {
        if (!_made.TryGetValue(clr, out var type))
        {
            var made = new ObjectGraphType { Name = names.Type(clr.Name) };
            _made[clr] = made;
            AddFields(made, clr, nesting);
            if (made.Fields.Count == 0)
            {
                made.AddField(new GraphRef(null, json, JsonValues.Raw).Field("json", "", "The value as stored."));
            }

            type = made;
        }

        return type;
    }

    private static Type? ElementOf(Type clr)
    {
        if (clr == typeof(string) || clr.IsAssignableTo(typeof(IDictionary)) || typeof(JsonNode).IsAssignableFrom(clr))
        {
            return null;
        }

        if (clr.IsArray)
        {
            return clr.GetElementType();
        }

        return clr.GetInterfaces().Append(clr)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
    }
}
