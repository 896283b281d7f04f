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

    public Task RemoveAllAsync() => db.Database.ExecuteSqlRawAsync(DeleteAllSql);

    public abstract Task<int> CountAsync(SearchQuery query);

    public abstract Task<IReadOnlyList<SearchHit>> FindAsync(SearchQuery query, int skip, int take);

    private string InsertSql => $$"""
        INSERT INTO "{{Documents}}" ("ContentItemId", "Url", "PublishedUnixSeconds", "Title", "Emphasis", "Body")
        VALUES ({0}, {1}, {2}, {3}, {4}, {5})
        """;

    private string DeleteSql => $$"""DELETE FROM "{{Documents}}" WHERE "ContentItemId" = {0}""";

    private string DeleteAllSql => $"""DELETE FROM "{Documents}" """;
}
