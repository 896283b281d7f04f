using Cms.Content;
using Microsoft.Extensions.DependencyInjection;
using Modules.NewsCommentary.Models;
using Site.Tests.Infrastructure;

namespace Site.Tests.Modules.NewsCommentary;

/// <summary>Posts with tags, published (or saved as drafts) through the content manager.</summary>
public static class TaggedPosts
{
    public static ContentItem New(IContentManager contentManager, string title, DateTime publishedUtc, params string[] tags)
        => TestPosts.New(contentManager, title, publishedUtc).Alter<TagsPart>(p => p.Tags = tags);

    /// <summary>Publishes the post and returns its id.</summary>
    public static Task<string> PublishAsync(SiteFactory site, string title, DateTime publishedUtc, params string[] tags) => site.InScopeAsync(async sp =>
    {
        var contentManager = sp.GetRequiredService<IContentManager>();
        return (await contentManager.PublishAsync(New(contentManager, title, publishedUtc, tags))).ContentItemId;
    });

    public static Task<string> SaveDraftAsync(SiteFactory site, string title, DateTime publishedUtc, params string[] tags) => site.InScopeAsync(async sp =>
    {
        var contentManager = sp.GetRequiredService<IContentManager>();
        return (await contentManager.SaveDraftAsync(New(contentManager, title, publishedUtc, tags))).ContentItemId;
    });

    /// <summary>The titles on a list page, top to bottom.</summary>
    public static List<string> Titles(AngleSharp.Dom.IDocument page)
        => page.QuerySelectorAll("article .title a").Select(a => a.TextContent.Trim()).ToList();
}
