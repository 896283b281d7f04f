using Cms.Content;

namespace Modules.ContentApi.Services;

/// <summary>
/// A query parameter of the content list (<c>GET /api/content?tag=…</c>) that a module owning an index
/// answers: it narrows the content index rows with its own index, inside the list's one query, so the
/// API never reads item JSON to filter. Registered with <c>AddFeatureBound&lt;IContentListFilter, T&gt;()</c>.
/// </summary>
public interface IContentListFilter
{
    /// <summary>The query parameter, e.g. "tag".</summary>
    string Parameter { get; }

    /// <summary>What the parameter means, for the OpenAPI document.</summary>
    string Description { get; }

    /// <summary>A message naming what is wrong with the value, or null when it is one this filter reads.</summary>
    string? Problem(string value);

    /// <summary>The rows whose version matches the value.</summary>
    IQueryable<ContentItemRecord> Apply(IQueryable<ContentItemRecord> rows, string value);
}
