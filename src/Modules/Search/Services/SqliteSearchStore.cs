using Cms.Data;
using Microsoft.EntityFrameworkCore;
using Modules.Search.Models;

namespace Modules.Search.Services;

/// <summary>
/// SQLite: an FTS5 table over a plain table of documents (FTS5's "external content"), kept in step by
/// triggers. Porter stemming, diacritics ignored; bm25 ranks with the title worth most; snippet() and
/// highlight() mark matches with the sentinels. Only table names and constants are written into the
/// SQL; every value is a parameter.
/// </summary>
public sealed class SqliteSearchStore(CmsDbContext db) : SearchStore(db)
{
    private const int TitleWeight = 10, EmphasisWeight = 4, BodyWeight = 1;
    private const int EmphasisTokens = 24, BodyTokens = 32;

    private string FullText => SearchTables.FullText(Db.TablePrefix);

    public override async Task<int> CountAsync(SearchQuery query)
        => (await Db.Database.SqlQueryRaw<int>(CountSql, query.ToFts5()).ToListAsync()).Single();

    public override async Task<IReadOnlyList<SearchHit>> FindAsync(SearchQuery query, int skip, int take)
        => await Db.Database.SqlQueryRaw<SearchHit>(FindSql,
            query.ToFts5(), Sentinels.Start.ToString(), Sentinels.End.ToString(), "…", take, skip).ToListAsync();

    protected override string CreateSql => $"""
        CREATE TABLE IF NOT EXISTS "{Documents}" (
            "Id" INTEGER PRIMARY KEY,
            "ContentItemId" TEXT NOT NULL UNIQUE,
            "Url" TEXT NOT NULL,
            "PublishedUnixSeconds" INTEGER NOT NULL,
            "Title" TEXT NOT NULL,
            "Emphasis" TEXT NOT NULL,
            "Body" TEXT NOT NULL);
        CREATE VIRTUAL TABLE IF NOT EXISTS "{FullText}" USING fts5(
            "Title", "Emphasis", "Body",
            content = '{Documents}', content_rowid = 'Id',
            tokenize = 'porter unicode61 remove_diacritics 2');
        CREATE TRIGGER IF NOT EXISTS "{Documents}_Added" AFTER INSERT ON "{Documents}" BEGIN
            INSERT INTO "{FullText}" (rowid, "Title", "Emphasis", "Body") VALUES (new."Id", new."Title", new."Emphasis", new."Body");
        END;
        CREATE TRIGGER IF NOT EXISTS "{Documents}_Removed" AFTER DELETE ON "{Documents}" BEGIN
            INSERT INTO "{FullText}" ("{FullText}", rowid, "Title", "Emphasis", "Body") VALUES ('delete', old."Id", old."Title", old."Emphasis", old."Body");
        END;
        CREATE TRIGGER IF NOT EXISTS "{Documents}_Changed" AFTER UPDATE ON "{Documents}" BEGIN
            INSERT INTO "{FullText}" ("{FullText}", rowid, "Title", "Emphasis", "Body") VALUES ('delete', old."Id", old."Title", old."Emphasis", old."Body");
            INSERT INTO "{FullText}" (rowid, "Title", "Emphasis", "Body") VALUES (new."Id", new."Title", new."Emphasis", new."Body");
        END;
        """;

    private string CountSql => $$"""
        SELECT COUNT(*) AS "Value" FROM (
            SELECT rowid FROM "{{FullText}}" WHERE "{{FullText}}" MATCH {0} LIMIT {{ISearchStore.RankedLimit + 1}})
        """;

    /// <summary>
    /// Ranks only the newest <see cref="ISearchStore.RankedLimit"/> matches (those at or above the rowid
    /// the subquery finds by walking the index backwards), then makes the title and excerpts for the
    /// page's rows alone. Parameters: {0} the MATCH expression, {1} and {2} the sentinels, {3} the
    /// ellipsis, {4} LIMIT, {5} OFFSET.
    /// </summary>
    private string FindSql => $$"""
        WITH ranked AS (
            SELECT "{{FullText}}".rowid AS "Id", d."PublishedUnixSeconds",
                bm25("{{FullText}}", {{TitleWeight}}, {{EmphasisWeight}}, {{BodyWeight}}) AS "Score"
            FROM "{{FullText}}" JOIN "{{Documents}}" AS d ON d."Id" = "{{FullText}}".rowid
            WHERE "{{FullText}}" MATCH {0} AND "{{FullText}}".rowid >= (
                SELECT MIN(rowid) FROM (
                    SELECT rowid FROM "{{FullText}}" WHERE "{{FullText}}" MATCH {0}
                    ORDER BY rowid DESC LIMIT {{ISearchStore.RankedLimit}}))
            ORDER BY "Score", d."PublishedUnixSeconds" DESC, "Id" DESC
            LIMIT {4} OFFSET {5})
        SELECT d."ContentItemId", d."Url", d."PublishedUnixSeconds",
            highlight("{{FullText}}", 0, {1}, {2}) AS "Title",
            snippet("{{FullText}}", 1, {1}, {2}, {3}, {{EmphasisTokens}}) AS "Emphasis",
            snippet("{{FullText}}", 2, {1}, {2}, {3}, {{BodyTokens}}) AS "Body"
        FROM ranked
            JOIN "{{FullText}}" ON "{{FullText}}".rowid = ranked."Id"
            JOIN "{{Documents}}" AS d ON d."Id" = ranked."Id"
        WHERE "{{FullText}}" MATCH {0}
        ORDER BY ranked."Score", ranked."PublishedUnixSeconds" DESC, ranked."Id" DESC
        """;
}
