using AngleSharp.Dom;
using Cms.Content;
using Cms.Data;
using Cms.Display;
using Microsoft.Extensions.DependencyInjection;
using Modules.Comments.Models;
using Modules.Contents.Models;
using Site.Tests.Infrastructure;
using static Site.Tests.Modules.Comments.CommentPages;
using static Site.Tests.Infrastructure.RenderingSite;

namespace Site.Tests.Modules.NewsCommentary;

/// <summary>
/// Issue 12 point 1: a post's summary on the home page and the lists is rendered once per published version and kept
/// (<see cref="KeptShapes"/>, Orchard Core's DynamicCache), under the public-pages signal's version; a new version, a
/// comment or unpublishing shows on the next page the output cache misses, and a member sees the same summary. The
/// site varies its output cache by <c>nocache</c>, as the bench's sites do, so each request below renders its page.
/// </summary>
public sealed class KeptSummaryTests : IDisposable
{
    private readonly SiteFactory _site = new RenderingSite();

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task ASummary_IsRenderedOnce_AndWrittenTheSame_ToVisitorsAndMembers()
    {
        var post = await NewPostAsync(_site, "Kept Summary " + Guid.NewGuid().ToString("N")[..6], DateTime.UtcNow.AddMinutes(-5));
        var reader = _site.CreateReader();
        var first = await SummaryAsync(reader, post);

        var kept = await KeptAsync(post);
        Assert.NotNull(kept);
        Assert.Equal(first, Html.Parse(kept).QuerySelector("article")!.OuterHtml);
        Assert.Equal(first, await SummaryAsync(reader, post)); // written from the kept HTML
        Assert.Same(kept, await KeptAsync(post)); // and not rendered again

        var member = await SignedInAsync(_site, "summary", "Member");
        Assert.Equal(first, await SummaryAsync(member, post));
        Assert.Same(kept, await KeptAsync(post));
    }

    [Fact]
    public async Task AnEditedAndRepublishedPost_ShowsItsNewSummary_OnTheNextMiss()
    {
        var post = await NewPostAsync(_site, "Before Edit " + Guid.NewGuid().ToString("N")[..6], DateTime.UtcNow.AddMinutes(-4));
        var reader = _site.CreateReader();
        Assert.Contains("Before Edit", await SummaryAsync(reader, post), StringComparison.Ordinal);

        await _site.InScopeAsync(async sp =>
        {
            var contentManager = sp.GetRequiredService<IContentManager>();
            var item = (await contentManager.GetAsync(post.Id))!;
            item.Alter<TitlePart>(p => p.Title = "After Edit");
            item.DisplayText = "After Edit";
            await contentManager.PublishAsync(item);
        });

        var after = Html.Parse(await SummaryAsync(reader, post));
        Assert.Equal("After Edit", after.QuerySelector("h3")!.TextContent.Trim());
        Assert.Equal("After Edit", Html.Parse((await KeptAsync(post))!).QuerySelector("h3")!.TextContent.Trim());
    }

    [Fact]
    public async Task ANewComment_AndUnpublishing_ShowOnTheNextMiss()
    {
        var post = await NewPostAsync(_site, "Counted " + Guid.NewGuid().ToString("N")[..6], DateTime.UtcNow.AddMinutes(-3));
        var reader = _site.CreateReader();
        Assert.Contains("No comments", await SummaryAsync(reader, post), StringComparison.OrdinalIgnoreCase);

        await _site.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CmsDbContext>();
            db.Add(new Comment
            {
                ContentItemId = post.Id, AuthorId = "seed", AuthorName = "seed-author", Markdown = "First!",
                Status = CommentStatus.Approved, CreatedUtc = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
            await sp.GetRequiredService<IPublicCache>().EvictAllAsync(); // as a comment's writer announces it
        });
        Assert.Contains("1 comment", await SummaryAsync(reader, post), StringComparison.Ordinal);

        await _site.InScopeAsync(sp => sp.GetRequiredService<IContentManager>().UnpublishAsync(post.Id));
        var (_, home) = await Html.GetAsync(reader, Fresh("/"));
        Assert.Null(Find(home, post));
    }

    private static async Task<string> SummaryAsync(HttpClient client, Post post)
    {
        var (_, home) = await Html.GetAsync(client, Fresh("/"));
        return Find(home, post)?.OuterHtml ?? throw new InvalidOperationException($"no summary links to {post.Path}");
    }

    private static IElement? Find(IDocument home, Post post)
        => home.QuerySelectorAll("article.post-summary").FirstOrDefault(a => a.QuerySelector($"h3 a[href='{post.Path}']") is not null);

    private Task<string?> KeptAsync(Post post) => _site.InScopeAsync(async sp =>
    {
        var item = (await sp.GetRequiredService<IContentManager>().GetAsync(post.Id))!;
        var version = await sp.GetRequiredService<PublicContentVersion>().GetAsync();
        return sp.GetRequiredService<KeptShapes>().TryGet(version, item.ContentItemVersionId, DisplayTypes.Summary, out var html) ? html : null;
    });
}
