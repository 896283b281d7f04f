using AngleSharp.Dom;
using Cms.Content;
using Cms.Display;
using Microsoft.Extensions.DependencyInjection;
using Modules.NewsCommentary.Models;
using Site.Tests.Infrastructure;
using static Site.Tests.Infrastructure.RenderingSite;
using static Site.Tests.Modules.Comments.CommentPages;

namespace Site.Tests.Modules.NewsCommentary;

/// <summary>
/// Issue 12 point 1: the parts of a post page that are the same for every reader (title, quote, analysis, source, tags,
/// navigation) are rendered once per published version and kept (<see cref="KeptShapes"/>) under the public-pages
/// signal's version; the comment thread is built for each reader. A new version shows on the next page the output cache
/// misses; a preview is never kept. The site varies its output cache by <c>nocache</c>, so each request renders its page.
/// </summary>
public sealed class KeptPartsTests : IDisposable
{
    private readonly SiteFactory _site = new RenderingSite();

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task APostPage_IsWrittenFromItsKeptParts_TheSameForVisitorsAndMembers_WithTheMembersOwnForm()
    {
        var post = await NewPostAsync(_site, "Kept Parts " + Guid.NewGuid().ToString("N")[..6], DateTime.UtcNow.AddMinutes(-5));
        var reader = _site.CreateReader();
        var first = await ArticleAsync(reader, post);

        var quote = await KeptAsync(post, "QuotePart", "QuotePartDriver");
        Assert.NotNull(quote);
        Assert.Contains("The quoted passage of Kept Parts", quote, StringComparison.Ordinal);
        Assert.NotNull(await KeptAsync(post, "AnalysisPart", "AnalysisPartDriver"));
        Assert.Null(await KeptAsync(post, "CommentsPart", "CommentsPartDriver")); // built for each reader

        var again = await ArticleAsync(reader, post);
        Assert.Equal(first.OuterHtml, again.OuterHtml); // written from what was kept
        Assert.Same(quote, await KeptAsync(post, "QuotePart", "QuotePartDriver")); // and not rendered again

        var member = await SignedInAsync(_site, "kept-parts", "Member");
        var theirs = await ArticleAsync(member, post);
        Assert.Equal(first.QuerySelector(".quote, blockquote")!.OuterHtml, theirs.QuerySelector(".quote, blockquote")!.OuterHtml);
        Assert.NotNull(theirs.QuerySelector("form.comment-form textarea[name=Text]"));
        Assert.Null(first.QuerySelector("form.comment-form"));
    }

    [Fact]
    public async Task ANewVersion_ShowsOnTheNextMiss_AndAPreviewIsNeverKept()
    {
        var post = await NewPostAsync(_site, "Versioned " + Guid.NewGuid().ToString("N")[..6], DateTime.UtcNow.AddMinutes(-4));
        var reader = _site.CreateReader();
        Assert.Contains("Analysis of Versioned", (await ArticleAsync(reader, post)).TextContent, StringComparison.Ordinal);

        var draft = await _site.InScopeAsync(async sp =>
        {
            var contentManager = sp.GetRequiredService<IContentManager>();
            var item = (await contentManager.GetAsync(post.Id))!;
            item.Alter<AnalysisPart>(p => p.Markdown = "A draft analysis, not yet published.");
            return (await contentManager.SaveDraftAsync(item)).ContentItemVersionId;
        });
        var admin = await Site.Tests.Modules.Users.Browser.AdminAsync(_site);
        var (_, preview) = await Html.GetAsync(admin, $"/preview/{post.Id}");
        Assert.Contains("A draft analysis, not yet published.", preview.QuerySelector("article")!.TextContent, StringComparison.Ordinal);
        Assert.Null(await KeptAsync(draft, "AnalysisPart", "AnalysisPartDriver"));
        Assert.DoesNotContain("A draft analysis", (await ArticleAsync(reader, post)).TextContent, StringComparison.Ordinal);

        await _site.InScopeAsync(async sp =>
        {
            var contentManager = sp.GetRequiredService<IContentManager>();
            var item = (await contentManager.GetAsync(post.Id, VersionOptions.Latest))!;
            await contentManager.PublishAsync(item);
        });

        Assert.Contains("A draft analysis, not yet published.", (await ArticleAsync(reader, post)).TextContent, StringComparison.Ordinal);
        Assert.Contains("A draft analysis", (await KeptAsync(post, "AnalysisPart", "AnalysisPartDriver"))!, StringComparison.Ordinal);
    }

    private static async Task<IElement> ArticleAsync(HttpClient client, Post post)
    {
        var (_, page) = await Html.GetAsync(client, Fresh(post.Path));
        return page.QuerySelector("article.post-detail") ?? throw new InvalidOperationException($"{post.Path} has no post");
    }

    private async Task<string?> KeptAsync(Post post, string part, string driver)
    {
        var versionId = await _site.InScopeAsync(async sp => (await sp.GetRequiredService<IContentManager>().GetAsync(post.Id))!.ContentItemVersionId);
        return await KeptAsync(versionId, part, driver);
    }

    private Task<string?> KeptAsync(string versionId, string part, string driver) => _site.InScopeAsync(async sp =>
    {
        var version = await sp.GetRequiredService<PublicContentVersion>().GetAsync();
        return sp.GetRequiredService<KeptShapes>().TryGet(version, $"{versionId}/{part}/{driver}", DisplayTypes.Detail, out var html) ? html : null;
    });
}
