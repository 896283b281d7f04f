namespace Modules.NewsCommentary.Services;

/// <summary>
/// Which items carry a tag, for another module's query to filter by (the GraphQL API's <c>where: {tag}</c>)
/// inside its own one query: an <see cref="IQueryable{T}"/> over the tag index, never a list read ahead.
/// Registered with <c>AddFeatureBound</c>: present while the NewsCommentary feature is enabled.
/// </summary>
public interface ITaggedContent
{
    /// <summary>
    /// The ids of the items whose Published version carries the tag with this slug (as in /tags/{slug}).
    /// A draft is matched by the tags of its item's published version: the index holds published versions only.
    /// </summary>
    IQueryable<string> ItemIdsTagged(string slug);
}
