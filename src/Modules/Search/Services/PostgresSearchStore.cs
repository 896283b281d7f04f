using Cms.Data;
using Microsoft.EntityFrameworkCore;
using Modules.Search.Models;

namespace Modules.Search.Services;

/// <summary>
/// PostgreSQL: one table whose generated tsvector weighs the title A, emphasis B and body C, under a
/// GIN index; plainto_tsquery reads the terms (it has no syntax to get wrong), ts_rank orders and
/// ts_headline marks matches with the sentinels. Only table names and constants are written into the
/// SQL; every value is a parameter.
/// </summary>
public sealed class PostgresSearchStore(CmsDbContext db) : SearchStore(db)
{
    /// <summary>The text search configuration of the index and of queries; both must agree.</summary>
    private const string Language = "english";

    private static readonly string s_titleOptions = $"StartSel={Sentinels.Start}, StopSel={Sentinels.End}, HighlightAll=true";
    private static readonly string s_excerptOptions =
        $"StartSel={Sentinels.Start}, StopSel={Sentinels.End}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=\" … \"";


    public override async Task<int> CountAsync(SearchQuery query)
        => (await Db.Database.SqlQueryRaw<int>(CountSql, query.ToPlainText()).ToListAsync()).Single();

    public override async Task<IReadOnlyList<SearchHit>> FindAsync(SearchQuery query, int skip, int take)
        => await Db.Database.SqlQueryRaw<SearchHit>(FindSql, query.ToPlainText(), s_titleOptions, s_excerptOptions, take, skip).ToListAsync();

    protected override string CreateSql => $"""
        CREATE TABLE IF NOT EXISTS "{Documents}" (
            "Id" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            "ContentItemId" varchar(26) NOT NULL UNIQUE,
            "Url" text NOT NULL,
            "PublishedUnixSeconds" bigint NOT NULL,
            "Title" text NOT NULL,
            "Emphasis" text NOT NULL,
            "Body" text NOT NULL,
            "Terms" tsvector GENERATED ALWAYS AS (
                setweight(to_tsvector('{Language}'::regconfig, "Title"), 'A') ||
                setweight(to_tsvector('{Language}'::regconfig, "Emphasis"), 'B') ||
                setweight(to_tsvector('{Language}'::regconfig, "Body"), 'C')) STORED);
        CREATE INDEX IF NOT EXISTS "IX_{Documents}_Terms" ON "{Documents}" USING GIN ("Terms");
        """;

    private string CountSql => $$"""
        SELECT COUNT(*)::int AS "Value" FROM (
            SELECT 1 FROM "{{Documents}}" WHERE "Terms" @@ plainto_tsquery('{{Language}}', {0}) LIMIT {{ISearchStore.RankedLimit + 1}}) AS m
        """;

    /// <summary>
    /// Ranks the newest <see cref="ISearchStore.RankedLimit"/> matches and pages them first, so
    /// ts_headline (the costly part) runs only for the page's rows. Parameters:
    /// {0} the words, {1} the title's headline options, {2} the excerpts', {3} LIMIT, {4} OFFSET.
    /// </summary>
    private string FindSql => $$"""
        WITH newest AS (
            SELECT d."Id", d."ContentItemId", d."Url", d."PublishedUnixSeconds", d."Title", d."Emphasis", d."Body", d."Terms", q.query
            FROM "{{Documents}}" AS d, plainto_tsquery('{{Language}}', {0}) AS q(query)
            WHERE d."Terms" @@ q.query
            ORDER BY d."Id" DESC
            LIMIT {{ISearchStore.RankedLimit}}),
        hits AS (
            SELECT "Id", "ContentItemId", "Url", "PublishedUnixSeconds", "Title", "Emphasis", "Body",
                ts_rank("Terms", query) AS "Rank", query
            FROM newest
            ORDER BY "Rank" DESC, "PublishedUnixSeconds" DESC, "Id" DESC
            LIMIT {3} OFFSET {4})
        SELECT "ContentItemId", "Url", "PublishedUnixSeconds",
            ts_headline('{{Language}}', "Title", query, {1}) AS "Title",
            ts_headline('{{Language}}', "Emphasis", query, {2}) AS "Emphasis",
            ts_headline('{{Language}}', "Body", query, {2}) AS "Body"
        FROM hits
        ORDER BY "Rank" DESC, "PublishedUnixSeconds" DESC, "Id" DESC
        """;
}
