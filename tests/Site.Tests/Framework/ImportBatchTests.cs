using System.Net;
using System.Text.Json.Nodes;
using Cms.Content;
using Cms.Data;
using Cms.Modules;
using Cms.Recipes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Cms.Recipes.Steps;
using Modules.Contents.Indexes;
using Modules.NewsCommentary.Indexes;
using Modules.NewsCommentary.Models;
using Site.Tests.Infrastructure;
using Site.Tests.Modules.NewsCommentary;

namespace Site.Tests.Framework;

/// <summary>
/// Issue 12: a recipe's content is imported in batches (Cms.Content.ContentImporter), its indexes kept in sets.
/// The work of an import must not grow item by item, the indexes must be what one item at a time made them,
/// and a failure anywhere in the recipe, in any batch, must still write nothing.
/// </summary>
public sealed class ImportBatchTests(ImportBatchTests.ImportSite site) : IClassFixture<ImportBatchTests.ImportSite>
{
    private const int Items = 300;

    [Fact]
    public async Task Import_QueriesAndSaves_DoNotGrowItemByItem()
    {
        var (first, once) = await ImportCommandCounter.MeasureAsync(() => ApplyAsync(Posts(1, Items)));
        var (second, twice) = await ImportCommandCounter.MeasureAsync(() => ApplyAsync(Posts(Items + 1, 2 * Items)));

        Assert.True(first.Succeeded && second.Succeeded, string.Join(" ", first.Errors.Concat(second.Errors)));
        Assert.Equal(3 * Items, second.Changes.Count + first.Changes.Count);

        // One item at a time made about ten queries and five saves per item: thousands more for the second import.
        // Batched, the second (twice the items onto a larger site) costs one batch more.
        Assert.True(twice.Queries - once.Queries <= Items / 10, $"{once.Queries} queries for {Items} items, {twice.Queries} for {2 * Items} more");
        Assert.True(twice.Saves - once.Saves <= Items / 50, $"{once.Saves} saves for {Items} items, {twice.Saves} for {2 * Items} more");
        Assert.True(once.Queries > 0 && once.Saves > 0, "the counter saw no work");
    }

    [Fact]
    public async Task ThousandsOfItems_CommandsGrowPerBatch_NotPerItem()
    {
        const int Batch = ContentStep.ProgressEvery, Large = 5 * Batch;
        var (one, oneBatch) = await ImportCommandCounter.MeasureAsync(() => ApplyAsync(Posts(20001, Batch)));
        var (five, fiveBatches) = await ImportCommandCounter.MeasureAsync(() => ApplyAsync(Posts(20001 + Batch, Large)));

        Assert.True(one.Succeeded && five.Succeeded, string.Join(" ", one.Errors.Concat(five.Errors)));
        Assert.Equal(Batch + Large, one.Changes.Count + five.Changes.Count);

        // EF Core alone sent an INSERT per row (an item's version, its path, tags, search entry, link check): thousands
        // a batch. Written in sets, a batch costs a few dozen commands, and four batches more cost at most four times one.
        Assert.True(oneBatch.Commands < Batch / 5, $"{oneBatch.Commands} commands for one batch of {Batch} items");
        Assert.True(fiveBatches.Commands <= 5 * oneBatch.Commands, $"{oneBatch.Commands} commands for one batch, {fiveBatches.Commands} for five");
        Assert.True(fiveBatches.Saves <= 5 * oneBatch.Saves, $"{oneBatch.Saves} saves for one batch, {fiveBatches.Saves} for five");

        // Every row written in sets is there: the items, their paths and their tags (two each).
        var counts = await site.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CmsDbContext>();
            const string Prefix = "batchpost0000000000002"; // posts 20000 to 29999: this test's only
            return new[]
            {
                await db.ContentItems.CountAsync(r => r.ContentItemId.StartsWith(Prefix) && r.Published),
                await db.Set<AutoroutePartIndex>().CountAsync(i => i.ContentItemId.StartsWith(Prefix)),
                await db.Set<TagsPartIndex>().CountAsync(i => i.ContentItemId.StartsWith(Prefix)),
            };
        });
        Assert.Equal([Batch + Large, Batch + Large, 2 * (Batch + Large)], counts);
        Assert.Equal(HttpStatusCode.OK, (await site.CreateReader().GetAsync($"/batch/post-{20000 + Batch + Large}")).StatusCode);
    }

    [Fact]
    public async Task ManyBatches_MergeTheSearchIndexOnce_BeforeTheCommit()
    {
        // Three batches of the importer's 500. SQLite's full-text index was merged (rewritten whole) after each batch:
        // twenty times for 10,000 posts, each costing with the site's size. Now once, as the transaction's last work.
        const int Count = 2 * ContentStep.ProgressEvery + 20;
        _ = site.Services; // the site is set up (its own recipes merge the index) before the count starts
        var (result, tally) = await ImportCommandCounter.MeasureAsync(() => ApplyAsync(Posts(40001, Count)));

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        Assert.Equal(PostgresCluster.Enabled ? 0 : 1, tally.CommandsHolding("VALUES ('optimize')"));

        // The merged index finds the first batch's posts and the last's; a word of every post finds the newest first.
        foreach (var n in new[] { 40001, 40000 + Count })
        {
            var (_, found) = await Html.GetAsync(site.CreateReader(), $"/search?q=batchidxword+{Id(n)}");
            Assert.Contains(found.QuerySelectorAll("a"), a => a.GetAttribute("href")?.EndsWith($"/batch/post-{n}", StringComparison.Ordinal) == true);
        }
    }

    [Fact]
    public async Task BatchedImport_KeepsPathsTagsSearchAndLinkChecks()
    {
        var date = "2022-05-04T10:00:00Z";
        Assert.True((await ApplyAsync(Recipe(Post("batchidx00000000000000001", "Same Title", date, "Grain Deal")))).Succeeded);

        // Two more of the same title and day, without paths: unique against the stored post and against each other.
        var result = await ApplyAsync(Recipe(
            Post("batchidx00000000000000002", "Same Title", date, "Grain Deal", "Ports"),
            Post("batchidx00000000000000003", "Same Title", date, "Ports")));

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        var paths = await site.InScopeAsync(async sp => await sp.GetRequiredService<CmsDbContext>().Set<AutoroutePartIndex>()
            .Where(i => i.ContentItemId.StartsWith("batchidx")).OrderBy(i => i.ContentItemId).Select(i => i.Path).ToListAsync());
        Assert.Equal(["2022/05/04/same-title", "2022/05/04/same-title-2", "2022/05/04/same-title-3"], paths);
        foreach (var path in paths)
        {
            Assert.Equal(HttpStatusCode.OK, (await site.CreateReader().GetAsync("/" + path)).StatusCode);
        }

        var (_, grain) = await Html.GetAsync(site.CreateReader(), "/tags/grain-deal");
        Assert.Equal(2, TaggedPosts.Titles(grain).Count);
        var (_, ports) = await Html.GetAsync(site.CreateReader(), "/tags/ports");
        Assert.Equal(2, TaggedPosts.Titles(ports).Count);
        var (_, search) = await Html.GetAsync(site.CreateReader(), "/search?q=batchidxword");
        Assert.Equal(3, search.QuerySelectorAll("a[href*='same-title']").Select(a => a.GetAttribute("href")).Distinct().Count());
        var checks = await site.InScopeAsync(async sp => await sp.GetRequiredService<CmsDbContext>().Set<SourceLinkCheck>()
            .Where(c => c.ContentItemId.StartsWith("batchidx")).OrderBy(c => c.ContentItemId).Select(c => new { c.Url, c.Published }).ToListAsync());
        Assert.Equal(3, checks.Count);
        Assert.All(checks, c => Assert.True(c.Published && c.Url.StartsWith("https://news.example.org/batchidx", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task FailureInALaterBatch_WritesNothing()
    {
        var before = await DatabaseFingerprint.TakeAsync(site);
        // The second batch of the recipe's two: the first is saved (in the transaction) when this one fails.
        site.Failing.FailOn = Id(3000 + Items * 2 - 10);

        var result = await ApplyAsync(Posts(3001, Items * 2));
        site.Failing.FailOn = null;

        Assert.False(result.Succeeded);
        Assert.Contains("nothing was changed", result.Errors.Single().Message, StringComparison.Ordinal);
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(site));
    }

    [Fact]
    public async Task BadItemNearTheEnd_IsRefusedByItsPath_AndWritesNothing()
    {
        var before = await DatabaseFingerprint.TakeAsync(site);
        var recipe = JsonNode.Parse(Posts(5001, Items * 2))!;
        recipe["steps"]![0]!["Data"]![Items * 2 - 2]!["TagsPart"]!["Tags"] = new JsonArray("Fine", "%%%");

        var result = await ApplyAsync(recipe.ToJsonString());

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.ToString().Contains($"steps[0].Data[{Items * 2 - 2}].TagsPart.Tags", StringComparison.Ordinal));
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(site));
    }

    private Task<RecipeResult> ApplyAsync(string recipe)
        => site.InScopeAsync(sp => sp.GetRequiredService<IRecipeExecutor>().ExecuteAsync(recipe));

    private static string Id(int n) => $"batchpost{n:D17}";

    /// <summary>Posts first to first + count - 1, as bench/lib/posts.awk writes them (each with its own path).</summary>
    private static string Posts(int first, int count)
        => Recipe(Enumerable.Range(first, count).Select(n =>
        {
            var post = Post(Id(n), $"Batch post {n}", $"2021-0{1 + n % 6}-{1 + n / 6 % 28:D2}T10:00:00Z", "Batch", $"Topic {n % 20}");
            post["AutoroutePart"] = new JsonObject { ["Path"] = $"batch/post-{n}" };
            return post;
        }).ToArray());

    /// <summary>A post without a path: the type's pattern gives it one.</summary>
    private static JsonObject Post(string id, string title, string date, params string[] tags) => new()
    {
        ["ContentItemId"] = id,
        ["ContentType"] = "NewsCommentary",
        ["Published"] = true,
        ["Latest"] = true,
        ["PublishedUtc"] = date,
        ["TitlePart"] = new JsonObject { ["Title"] = title },
        ["QuotePart"] = new JsonObject { ["Headline"] = "Grain corridor", ["Attribution"] = "The Test Gazette", ["Text"] = $"Ships left the port. batchidxword {id}" },
        ["AnalysisPart"] = new JsonObject { ["Markdown"] = $"Analysis of {title}, with [a link](https://example.org/{id})." },
        ["SourceLinkPart"] = new JsonObject { ["Url"] = $"https://news.example.org/{id}", ["Title"] = "Grain corridor", ["Publication"] = "The Test Gazette" },
        ["TagsPart"] = new JsonObject { ["Tags"] = new JsonArray(tags.Select(t => (JsonNode)JsonValue.Create(t)).ToArray()) },
    };

    private static string Recipe(params JsonObject[] items)
        => new JsonObject { ["name"] = "BatchImport", ["steps"] = new JsonArray(new JsonObject { ["name"] = "content", ["Data"] = new JsonArray(items) }) }.ToJsonString();

    /// <summary>The site, counting queries and saves, with a content handler that fails on one item when told to.</summary>
    public sealed class ImportSite : SiteFactory
    {
        public FailingHandler Failing { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services =>
            {
                services.AddSingleton<IInterceptor>(new ImportCommandCounter());
                services.AddScoped(_ => new FeatureBound<IContentHandler>("Contents", () => Failing));
            });
        }
    }

    /// <summary>Throws when a batch holds the item named, as a handler whose index write failed would.</summary>
    public sealed class FailingHandler : IContentHandler
    {
        public string? FailOn { get; set; }

        public Task ImportedAsync(IReadOnlyList<ContentChange> changes)
            => changes.Any(c => c.ContentItemId == FailOn) ? throw new InvalidOperationException("The index could not be written.") : Task.CompletedTask;
    }
}
