using System.Text.Json.Nodes;
using GraphQL.Types;
using GraphQLParser.AST;

namespace Modules.GraphQLApi.Schema;

/// <summary>
/// A part's JSON as stored (Orchard's content item shape), for parts the site has no code for and for
/// values whose shape the schema cannot know. Output only: no argument takes it.
/// </summary>
public sealed class JsonGraphType : ScalarGraphType
{
    public JsonGraphType()
    {
        Name = "JSON";
        Description = "A JSON value as stored in the content item.";
    }

    public override object? Serialize(object? value) => value switch
    {
        JsonNode node => node.DeepClone(),
        _ => value,
    };

    public override object? ParseLiteral(GraphQLValue value)
        => throw new InvalidOperationException("JSON values are output only.");

    public override object? ParseValue(object? value)
        => throw new InvalidOperationException("JSON values are output only.");
}
