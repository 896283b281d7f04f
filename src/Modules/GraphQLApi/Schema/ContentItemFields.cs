using Cms.Content;
using GraphQL.Resolvers;
using GraphQL.Types;

namespace Modules.GraphQLApi.Schema;

/// <summary>The fields every content item has (Orchard's common properties), on the interface and on each type.</summary>
public static class ContentItemFields
{
    private static readonly (string Name, Type Type, Func<ContentItem, object?> Read, string Description)[] s_common =
    [
        ("contentItemId", typeof(NonNullGraphType<IdGraphType>), i => i.ContentItemId, "The item's id, the same for all its versions."),
        ("contentItemVersionId", typeof(NonNullGraphType<IdGraphType>), i => i.ContentItemVersionId, "This version's id."),
        ("contentType", typeof(NonNullGraphType<StringGraphType>), i => i.ContentType, "The content type's name."),
        ("displayText", typeof(StringGraphType), i => i.DisplayText, "The item's title as lists show it."),
        ("published", typeof(NonNullGraphType<BooleanGraphType>), i => i.Published, "Whether this is the version readers see."),
        ("latest", typeof(NonNullGraphType<BooleanGraphType>), i => i.Latest, "Whether this is the newest version."),
        ("createdUtc", typeof(DateTimeGraphType), i => i.CreatedUtc, "When the item was created."),
        ("modifiedUtc", typeof(DateTimeGraphType), i => i.ModifiedUtc, "When this version was last changed."),
        ("publishedUtc", typeof(DateTimeGraphType), i => i.PublishedUtc, "When the item was published."),
        ("owner", typeof(StringGraphType), i => i.Owner, "The id of the user who owns the item."),
        ("author", typeof(StringGraphType), i => i.Author, "The user name of the item's author."),
    ];

    /// <summary>Adds the fields; an interface's have no resolvers (its object types resolve them).</summary>
    public static void AddTo(IComplexGraphType type, bool resolve = true)
    {
        foreach (var (name, graphType, read, description) in s_common)
        {
            type.AddField(new FieldType
            {
                Name = name,
                Type = graphType,
                Description = description,
                Resolver = resolve ? new FuncFieldResolver<object?>(context => context.Source is ContentItem item ? read(item) : null) : null,
            });
        }
    }
}
