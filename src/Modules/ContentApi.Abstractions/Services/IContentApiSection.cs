using Cms.Content;

namespace Modules.ContentApi.Services;

/// <summary>
/// A named, read-only section a module adds to an item's API representation: state the module keeps beside the
/// item rather than in its parts (NewsCommentary's quote drift). REST answers it under <c>Extras.{Name}</c>, GraphQL
/// as the field <c>{name}</c> on every content type that has <see cref="PartName"/>, so the APIs never reference the
/// module. Registered with <c>AddContentApiSection&lt;T&gt;()</c>: present while the registering feature is enabled.
/// </summary>
public interface IContentApiSection
{
    /// <summary>The section's name, e.g. "QuoteDrift"; the GraphQL field is its camel-cased form.</summary>
    string Name { get; }

    /// <summary>What the section says, for the GraphQL schema and the OpenAPI document.</summary>
    string Description { get; }

    /// <summary>
    /// The part a content type must have for GraphQL to show the section's field on it; which items carry a section
    /// (REST and GraphQL alike) is what <see cref="ReadAsync"/> answers, so it must leave out items without this part.
    /// </summary>
    string PartName { get; }

    /// <summary>
    /// The class the section's values are: its public properties are the section's fields (GraphQL makes a typed
    /// field of each, as it does for parts). Values are serialized with the content JSON options, enums by name.
    /// </summary>
    Type Shape { get; }

    /// <summary>
    /// The section of each of the items that has one, by <see cref="ContentItem.ContentItemVersionId"/>, each an
    /// instance of <see cref="Shape"/>. Called once per page of items: a constant number of queries, whatever their number.
    /// </summary>
    Task<IReadOnlyDictionary<string, object>> ReadAsync(IReadOnlyList<ContentItem> items);
}
