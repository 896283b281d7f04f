using Cms.Data;
using Microsoft.EntityFrameworkCore;
using Modules.Search.Models;

namespace Modules.Search.Services;

/// <summary>
/// SQLite: an FTS5 table over a plain table of documents (FTS5's "external content"), kept in step by
/// triggers. Porter stemming, diacritics ignored; matches ranked by weighted term frequency (the title worth most); snippet() and
/// highlight() mark matches with the sentinels. Only table names and constants are written into the
/// SQL; every value is a parameter.
/// </summary>
public sealed class SqliteSearchStore(CmsDbContext db) : SearchStore(db)
{
    private const int TitleWeight = 10, EmphasisWeight = 4, BodyWeight = 1;
    private const int EmphasisTokens = 24, BodyTokens = 32;

    private string FullText => SearchTables.FullText(Db.TablePrefix);

    /// <summary>
    /// Adds a batch (an import's, a rebuild's); the full-text index is then merged into one piece, once the change's
    /// last batch is in. FTS5 writes what each statement added as a segment of its own, and every search looks a word
    /// up in every segment: an import of 10,000 posts left a search reading four times the pages of a 100-post site's
    /// (issue 12). Merging rewrites the whole index (65 ms at 10,000 posts, 110 ms at 20,000), so it waits for the
    /// transaction's end: merged after every batch of 500, an import of 10,000 posts onto 10,000 rewrote the index twenty
    /// times, about 1.8 s. One post published adds one segment, which FTS5's own automerge keeps in bounds.
    /// </summary>
    public override async Task AddAsync(IReadOnlyList<SearchEntry> entries)
    {
        if (entries.Count == 0)
        {
            return;
        }

        await base.AddAsync(entries);
        await Db.BeforeCommitAsync(MergeAsync);
    }

    private Task MergeAsync() => Db.Database.ExecuteSqlRawAsync(OptimizeSql);

    private string OptimizeSql => $"""INSERT INTO "{FullText}" ("{FullText}") VALUES ('optimize')""";

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
    /// Takes the newest <see cref="ISearchStore.RankedLimit"/> matches (FTS5 walks the index backwards and
    /// stops there), ranks them, then makes the title and excerpts for the page's rows alone. The rank is
    /// BM25's term-frequency part, per column with the column's weight, each column's length against the
    /// average over those matches: highlight() marks each match (a bounded amount of text to tokenize), and
    /// the marks are counted. FTS5's bm25() is not used: it counts every row that holds each word (its IDF),
    /// which costs with the number of matching posts, so a word every post contains made the page cost
    /// twice as much at 10,000 posts as at 100 (issue 12). Every word must match anyway, so IDF only
    /// weighed the words against each other. The page's rows are then found by one walk of the matches from
    /// the lowest of them (CROSS JOIN keeps that order): a look-up of each row by its rowid inside MATCH
    /// walks the words' lists from their start, which also costs with the number of matches. Parameters: {0} the MATCH expression, {1} and {2} the
    /// sentinels, {3} the ellipsis, {4} LIMIT, {5} OFFSET.
    /// </summary>
    private string FindSql => $$"""
        WITH newest AS (
            SELECT rowid AS "Id",
                highlight("{{FullText}}", 0, {1}, '') AS "T",
                highlight("{{FullText}}", 1, {1}, '') AS "E",
                highlight("{{FullText}}", 2, {1}, '') AS "B"
            FROM "{{FullText}}" WHERE "{{FullText}}" MATCH {0}
            ORDER BY rowid DESC LIMIT {{ISearchStore.RankedLimit}}),
        counted AS (
            SELECT "Id",
                length("T") - length(replace("T", {1}, '')) AS "TitleHits", length("T") AS "TitleLength",
                length("E") - length(replace("E", {1}, '')) AS "EmphasisHits", length("E") AS "EmphasisLength",
                length("B") - length(replace("B", {1}, '')) AS "BodyHits", length("B") AS "BodyLength"
            FROM newest),
        average AS (
            SELECT avg("TitleLength") + 1 AS "Title", avg("EmphasisLength") + 1 AS "Emphasis", avg("BodyLength") + 1 AS "Body" FROM counted),
        ranked AS (
            SELECT c."Id", d."PublishedUnixSeconds",
                {{TitleWeight}} * {{Saturated("TitleHits", "TitleLength", "Title")}}
                + {{EmphasisWeight}} * {{Saturated("EmphasisHits", "EmphasisLength", "Emphasis")}}
                + {{BodyWeight}} * {{Saturated("BodyHits", "BodyLength", "Body")}} AS "Score"
            FROM counted AS c, average AS a JOIN "{{Documents}}" AS d ON d."Id" = c."Id"
            ORDER BY "Score" DESC, d."PublishedUnixSeconds" DESC, c."Id" DESC
            LIMIT {4} OFFSET {5})
        SELECT d."ContentItemId", d."Url", d."PublishedUnixSeconds",
            highlight("{{FullText}}", 0, {1}, {2}) AS "Title",
            snippet("{{FullText}}", 1, {1}, {2}, {3}, {{EmphasisTokens}}) AS "Emphasis",
            snippet("{{FullText}}", 2, {1}, {2}, {3}, {{BodyTokens}}) AS "Body"
        FROM "{{FullText}}" CROSS JOIN ranked CROSS JOIN "{{Documents}}" AS d
        WHERE "{{FullText}}" MATCH {0} AND "{{FullText}}".rowid >= (SELECT min("Id") FROM ranked)
            AND ranked."Id" = "{{FullText}}".rowid AND d."Id" = ranked."Id"
        ORDER BY ranked."Score" DESC, ranked."PublishedUnixSeconds" DESC, ranked."Id" DESC
        """;

    /// <summary>BM25's saturation of a column's hits (k1 1.2, b 0.75): more hits count less and less, a long column's count less.</summary>
    private static string Saturated(string hits, string length, string average)
        => $"""(1.0 * c."{hits}" / (c."{hits}" + 1.2 * (0.25 + 0.75 * c."{length}" / a."{average}")))""";
}
