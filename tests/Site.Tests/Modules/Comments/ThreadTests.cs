using System.Globalization;
using System.Net;
using System.Xml.Linq;
using Cms.Data;
using Microsoft.Extensions.DependencyInjection;
using Modules.Comments.Models;
using Site.Tests.Infrastructure;
using static Site.Tests.Modules.Comments.CommentPages;

namespace Site.Tests.Modules.Comments;

/// <summary>The thread oldest first and paged past 50, read in a bounded number of queries; the comment feed.</summary>
public sealed class ThreadTests(CommentsSite site) : IClassFixture<CommentsSite>
{
    [Fact]
    public async Task Thread_IsOldestFirst_PagedPast50_WithRepliesKeptWithTheirComment()
    {
        await site.SettingsAsync();
        var post = await NewPostAsync(site);
        var ids = await SeedAsync(post, topLevel: 53, repliesToLast: 2);
        var reader = site.CreateReader();

        var (_, first) = await Html.GetAsync(reader, post.Path);
        var (_, second) = await Html.GetAsync(reader, post.Path + "?commentPage=2");

        Assert.Equal("55 comments:", first.QuerySelector("#comments h2")!.TextContent.Trim());
        var firstTop = first.QuerySelectorAll(".comment-list > .comment").Select(c => c.Id).ToList();
        Assert.Equal(50, firstTop.Count);
        Assert.Equal($"comment-{ids[0]}", firstTop[0]);
        Assert.Equal($"comment-{ids[49]}", firstTop[49]);
        Assert.Equal("Comment 1", first.QuerySelector(".comment-list > .comment .comment-text")!.TextContent.Trim());
        Assert.Equal($"{post.Path}?commentPage=2#comments", first.QuerySelector(".comment-pager a[rel=next]")!.GetAttribute("href"));

        Assert.Equal([$"comment-{ids[50]}", $"comment-{ids[51]}", $"comment-{ids[52]}"], second.QuerySelectorAll(".comment-list > .comment").Select(c => c.Id));
        Assert.Equal(2, second.QuerySelectorAll($"#comment-{ids[52]} > .comment-replies > .comment").Length);
        Assert.Null(second.QuerySelector(".comment-pager a[rel=next]"));
        Assert.Equal($"{post.Path}#comments", second.QuerySelector(".comment-pager a[rel=prev]")!.GetAttribute("href"));

        // An old link past the end still counts the thread and leads back into it.
        var (_, beyond) = await Html.GetAsync(reader, post.Path + "?commentPage=7");
        Assert.Equal("55 comments:", beyond.QuerySelector("#comments h2")!.TextContent.Trim());
        Assert.Empty(beyond.QuerySelectorAll(".comment-list > .comment"));
        Assert.Equal($"{post.Path}?commentPage=2#comments", beyond.QuerySelector(".comment-pager a[rel=prev]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task PostAndHomePages_ReadCommentsInABoundedNumberOfQueries()
    {
        await site.SettingsAsync();
        var small = await NewPostAsync(site, "Few comments", DateTime.UtcNow.AddDays(1));
        await SeedAsync(small, topLevel: 1, repliesToLast: 0);
        var large = await NewPostAsync(site, "Many comments", DateTime.UtcNow.AddDays(1));
        await SeedAsync(large, topLevel: 40, repliesToLast: 10);
        var member = await SignedInAsync(site, "counter", "Member");

        var smallQueries = await QueriesAsync(member, small.Path);
        var largeQueries = await QueriesAsync(member, large.Path);
        var homeQueries = await QueriesAsync(member, "/?bust=" + Guid.NewGuid().ToString("N"));

        // Warm, with nothing changed: the public-pages signal's version alone (the item, the thread with its counts,
        // the previous, next and related posts are kept under it): the same for 1 comment or 50. On SQLite that read is
        // a prepared statement outside EF Core (PublicContentVersion), so the counter sees none; PostgreSQL's is one.
        Assert.Equal(smallQueries, largeQueries);
        Assert.Equal(QueryCounter.VersionRead, largeQueries);
        Assert.True(homeQueries <= 4, $"the home page took {homeQueries} queries");
        var (_, home) = await Html.GetAsync(member, "/");
        Assert.Equal("50 comments", home.QuerySelector($"a.comment-count[href='{large.Path}#comments']")!.TextContent.Trim());
        Assert.Equal("1 comment", home.QuerySelector($"a.comment-count[href='{small.Path}#comments']")!.TextContent.Trim());
    }

    [Fact]
    public async Task RemovedCommentWithReplies_LeavesAPlaceholder_SoTheRepliesStay()
    {
        await site.SettingsAsync();
        var post = await NewPostAsync(site);
        var ids = await SeedAsync(post, topLevel: 1, repliesToLast: 1);
        await SetStatusAsync(site, ids[0], CommentStatus.Deleted);

        var (_, page) = await Html.GetAsync(site.CreateReader(), post.Path);

        Assert.Equal("This comment has been deleted.", page.QuerySelector($"#comment-{ids[0]} > .comment-removed")!.TextContent.Trim());
        Assert.Null(page.QuerySelector($"#comment-{ids[0]} > article"));
        Assert.Equal("Reply 1", page.QuerySelector($"#comment-{ids[0]} .comment-replies .comment-text")!.TextContent.Trim());
        Assert.Equal("1 comment:", page.QuerySelector("#comments h2")!.TextContent.Trim());
    }

    [Fact]
    public async Task CommentFeed_CarriesApprovedComments_NewestFirst_AsRss()
    {
        await site.SettingsAsync();
        var post = await NewPostAsync(site, "Feed post");
        var ids = await SeedAsync(post, topLevel: 3, repliesToLast: 0);
        await SetStatusAsync(site, ids[1], CommentStatus.Pending);
        var reader = site.CreateReader();

        var response = await reader.GetAsync($"/comments/{post.Id}/rss.xml");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/rss+xml", response.Content.Headers.ContentType!.MediaType);
        var rss = XDocument.Parse(await response.Content.ReadAsStringAsync());
        var items = rss.Descendants("item").ToList();
        Assert.Equal(2, items.Count);
        Assert.Equal($"http://localhost{post.Path}#comment-{ids[2]}", items[0].Element("link")!.Value);
        Assert.Equal("<p>Comment 3</p>", items[0].Element("description")!.Value.Trim());
        Assert.Equal("seed-author on “Feed post”", items[0].Element("title")!.Value);
        Assert.Equal("Comments on “Feed post” – News Commentary", rss.Descendants("channel").Single().Element("title")!.Value);
        Assert.NotNull((await Html.GetAsync(reader, post.Path)).Document.QuerySelector($"a[href='/comments/{post.Id}/rss.xml']"));
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/comments/00000000000000000000000000/rss.xml")).StatusCode);
    }

    /// <summary>
    /// The queries one warm request takes: the least of three, since another test's write may evict a cached document mid-measure.
    /// The first request, after a change every kept value is dropped for, must count some: else the counter is not seeing the site.
    /// </summary>
    private async Task<int> QueriesAsync(HttpClient client, string url)
    {
        await site.InScopeAsync(sp => sp.GetRequiredService<Cms.Display.IPublicCache>().EvictAllAsync());
        site.Queries.Reset();
        await client.GetStringAsync(url);
        Assert.True(site.Queries.Count > 0, $"{url} was built after a change without counting a query: the counter is not seeing the site");
        var least = int.MaxValue;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            site.Queries.Reset();
            await client.GetStringAsync(url);
            least = Math.Min(least, site.Queries.Count);
        }

        return least;
    }

    /// <summary>Approved comments a minute apart (stored directly; posting is tested elsewhere); returns the top-level ids in order.</summary>
    private Task<List<long>> SeedAsync(Post post, int topLevel, int repliesToLast) => site.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<CmsDbContext>();
        var start = DateTime.UtcNow.AddDays(-1);
        var top = new List<Comment>();
        for (var i = 1; i <= topLevel; i++)
        {
            top.Add(new Comment
            {
                ContentItemId = post.Id, AuthorId = "seed", AuthorName = "seed-author", Markdown = $"Comment {i}",
                Status = CommentStatus.Approved, CreatedUtc = start.AddMinutes(i),
            });
        }

        db.AddRange(top);
        await db.SaveChangesAsync();
        for (var r = 1; r <= repliesToLast; r++)
        {
            db.Add(new Comment
            {
                ContentItemId = post.Id, ParentId = top[^1].Id, RootId = top[^1].Id, Depth = 1, AuthorId = "seed", AuthorName = "seed-author",
                Markdown = string.Create(CultureInfo.InvariantCulture, $"Reply {r}"), Status = CommentStatus.Approved, CreatedUtc = start.AddHours(2).AddMinutes(r),
            });
        }

        await db.SaveChangesAsync();
        return top.Select(c => c.Id).ToList();
    });
}
