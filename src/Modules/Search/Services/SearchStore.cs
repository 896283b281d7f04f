using Cms.Data;
using Microsoft.EntityFrameworkCore;
using Modules.Search.Models;

namespace Modules.Search.Services;

/// <summary>
/// What both providers' stores share: the documents table's rows are written and removed the same
/// way; only creating the index and querying it differ. Every value is a parameter.
/// </summary>
public abstract class SearchStore(CmsDbContext db) : ISearchStore
{
    protected CmsDbContext Db => db;

    protected string Documents => SearchTables.Documents(db.TablePrefix);

    /// <summary>The provider's DDL for the documents table and its full-text index.</summary>
    protected abstract string CreateSql { get; }

    public Task CreateAsync() => db.Database.ExecuteSqlRawAsync(CreateSql);

    public Task AddAsync(SearchEntry entry) => db.Database.ExecuteSqlRawAsync(InsertSql,
        entry.ContentItemId, entry.Url, entry.PublishedUnixSeconds, entry.Title, entry.Emphasis, entry.Body);

    public Task RemoveAsync(string contentItemId) => db.Database.ExecuteSqlRawAsync(DeleteSql, contentItemId);

    public virtual async Task AddAsync(IReadOnlyList<SearchEntry> entries)
    {
        foreach (var chunk in entries.Chunk(RowsPerStatement))
        {
            var parameters = chunk.SelectMany(e => new object[] { e.ContentItemId, e.Url, e.PublishedUnixSeconds, e.Title, e.Emphasis, e.Body }).ToArray();
            await db.Database.ExecuteSqlRawAsync(InsertManySql(chunk.Length), parameters);
        }
    }

    public async Task RemoveAsync(IReadOnlyList<string> contentItemIds)
    {
        foreach (var chunk in contentItemIds.Chunk(RowsPerStatement * 6))
        {
            await db.Database.ExecuteSqlRawAsync(DeleteManySql(chunk.Length), chunk.Cast<object>().ToArray());
        }
    }

    public Task RemoveAllAsync() => db.Database.ExecuteSqlRawAsync(DeleteAllSql);

    public abstract Task<int> CountAsync(SearchQuery query);

    public abstract Task<IReadOnlyList<SearchHit>> FindAsync(SearchQuery query, int skip, int take);

    private string InsertSql => $$"""
        INSERT INTO "{{Documents}}" ("ContentItemId", "Url", "PublishedUnixSeconds", "Title", "Emphasis", "Body")
        VALUES ({0}, {1}, {2}, {3}, {4}, {5})
        """;

    /// <summary>Rows of one multi-row insert: 6 parameters each, well under every provider's limit.</summary>
    private const int RowsPerStatement = 100;

    /// <summary>One insert of <paramref name="rows"/> rows; only placeholders are written into it, every value is a parameter.</summary>
    private string InsertManySql(int rows)
        => $"INSERT INTO \"{Documents}\" (\"ContentItemId\", \"Url\", \"PublishedUnixSeconds\", \"Title\", \"Emphasis\", \"Body\") VALUES "
            + string.Join(", ", Enumerable.Range(0, rows).Select(r => "(" + string.Join(", ", Enumerable.Range(r * 6, 6).Select(p => $"{{{p}}}")) + ")"));

    private string DeleteManySql(int ids)
        => $"DELETE FROM \"{Documents}\" WHERE \"ContentItemId\" IN (" + string.Join(", ", Enumerable.Range(0, ids).Select(p => $"{{{p}}}")) + ")";

    private string DeleteSql => $$"""DELETE FROM "{{Documents}}" WHERE "ContentItemId" = {0}""";

    private string DeleteAllSql => $"""DELETE FROM "{Documents}" """;
}
