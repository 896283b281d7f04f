using Modules.Search.Models;

namespace Modules.Search.Services;

/// <summary>
/// The search index in the site's database, one implementation per provider (SQLite FTS5, PostgreSQL
/// tsvector). Every call joins the current transaction, so an index change commits with the content change.
/// </summary>
public interface ISearchStore
{
    /// <summary>Creates the index tables (once, from the feature's migration).</summary>
    Task CreateAsync();

    Task AddAsync(SearchEntry entry);

    Task RemoveAsync(string contentItemId);

    /// <summary>Adds entries a few hundred to a statement (an import's batch).</summary>
    Task AddAsync(IReadOnlyList<SearchEntry> entries);

    /// <summary>Removes the items' entries a few hundred to a statement (an import's batch).</summary>
    Task RemoveAsync(IReadOnlyList<string> contentItemIds);

    Task RemoveAllAsync();

    /// <summary>
    /// How many posts a search ranks at most: the newest matches (the most recently indexed), ranked by
    /// relevance. So a word every post contains costs the same on a site of 100 posts and one of 10,000;
    /// a reader who gets this many refines the query.
    /// </summary>
    const int RankedLimit = 100;

    /// <summary>The number of matches, counted up to <see cref="RankedLimit"/> + 1 (which says "more than the limit").</summary>
    Task<int> CountAsync(SearchQuery query);

    /// <summary>A page of the <see cref="RankedLimit"/> newest matches, most relevant first and, among equals, newest first.</summary>
    Task<IReadOnlyList<SearchHit>> FindAsync(SearchQuery query, int skip, int take);
}

/// <summary>The site's table names for the index (with the table prefix, as every table has).</summary>
public static class SearchTables
{
    /// <summary>One row per searchable item: its address, date and text.</summary>
    public static string Documents(string prefix) => Prefixed(prefix, "SearchDocument");

    /// <summary>SQLite only: the FTS5 table over <see cref="Documents"/>.</summary>
    public static string FullText(string prefix) => Prefixed(prefix, "SearchIndex");

    // The prefix is checked at setup (letters, digits, underscores), so it is safe inside a quoted identifier.
    private static string Prefixed(string prefix, string name) => prefix.Length > 0 ? $"{prefix}_{name}" : name;
}
