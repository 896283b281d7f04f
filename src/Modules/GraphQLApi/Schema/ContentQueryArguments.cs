using GraphQL;
using GraphQL.Types;
using Modules.GraphQLApi.Services;

namespace Modules.GraphQLApi.Schema;

/// <summary>The arguments of the list and item queries, and reading them into a checked request.</summary>
public sealed class ContentQueryArguments
{
    private readonly GraphQLApiOptions _limits;

    public ContentQueryArguments(GraphQLApiOptions limits)
    {
        _limits = limits;
        Status = new EnumerationGraphType { Name = "ContentStatus", Description = "Which version of each item to read." };
        Status.Add("PUBLISHED", ContentStatus.Published, "The version readers see (the default).");
        Status.Add("LATEST", ContentStatus.Latest, "The newest version: a draft where there is one (drafts need PreviewContent).");
        Status.Add("DRAFT", ContentStatus.Draft, "Only items whose newest version is an unpublished draft (needs PreviewContent).");
        Where = new InputObjectGraphType { Name = "ContentItemWhereInput", Description = "Filters, all of which an item must pass." };
        Where.AddField(new FieldType { Name = "tag", Type = typeof(StringGraphType), Description = "A tag, by name or slug (as in /tags/{slug}): items whose published version carries it." });
        Where.AddField(new FieldType { Name = "publishedAfter", Type = typeof(DateTimeGraphType), Description = "Published after this moment." });
        Where.AddField(new FieldType { Name = "publishedBefore", Type = typeof(DateTimeGraphType), Description = "Published before this moment." });
        Where.AddField(new FieldType { Name = "createdAfter", Type = typeof(DateTimeGraphType), Description = "Created after this moment." });
        Where.AddField(new FieldType { Name = "createdBefore", Type = typeof(DateTimeGraphType), Description = "Created before this moment." });
    }

    public EnumerationGraphType Status { get; }

    public InputObjectGraphType Where { get; }

    public QueryArguments ForList() =>
    [
        new QueryArgument<IntGraphType> { Name = "first", Description = $"How many items, newest first: {_limits.DefaultFirst} unless given, at most {_limits.MaxFirst}." },
        new QueryArgument<IntGraphType> { Name = "skip", Description = "How many items to pass over first (0 unless given)." },
        new QueryArgument(Status) { Name = "status", Description = "Which version of each item (PUBLISHED unless given)." },
        new QueryArgument(Where) { Name = "where", Description = "Filters on tags and dates." },
    ];

    public QueryArguments ForItem() =>
    [
        new QueryArgument<NonNullGraphType<IdGraphType>> { Name = "contentItemId", Description = "The item's id." },
        new QueryArgument(Status) { Name = "status", Description = "Which version (PUBLISHED unless given)." },
    ];

    public static ContentStatus StatusOf(IResolveFieldContext context) => context.GetArgument("status", ContentStatus.Published);

    /// <summary>The list request, or an error naming the argument that is out of bounds.</summary>
    public ContentListRequest ListRequest(IResolveFieldContext context, string contentType)
    {
        var first = context.GetArgument("first", _limits.DefaultFirst);
        if (first < 0 || first > _limits.MaxFirst)
        {
            throw new ExecutionError($"first is {first}: give a number from 0 to {_limits.MaxFirst} (the most items a page returns), and skip to page on.");
        }

        var skip = context.GetArgument("skip", 0);
        if (skip < 0)
        {
            throw new ExecutionError($"skip is {skip}: give 0 or more.");
        }

        var where = context.GetArgument<Dictionary<string, object?>?>("where") ?? [];
        return new ContentListRequest(contentType, StatusOf(context), first, skip, where.GetValueOrDefault("tag") as string,
            Date(where, "publishedAfter"), Date(where, "publishedBefore"), Date(where, "createdAfter"), Date(where, "createdBefore"));
    }

    private static DateTime? Date(Dictionary<string, object?> where, string key) => where.GetValueOrDefault(key) switch
    {
        DateTime d => d.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(d, DateTimeKind.Utc) : d.ToUniversalTime(),
        DateTimeOffset o => o.UtcDateTime,
        _ => null,
    };
}
