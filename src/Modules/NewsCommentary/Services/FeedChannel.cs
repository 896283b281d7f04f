using Cms.Settings;
using Modules.NewsCommentary.Models;

namespace Modules.NewsCommentary.Services;

/// <summary>What a feed says about itself: the site's feed, or one tag's, named after the tag.</summary>
public sealed record FeedChannel(string Title, string Description, string PagePath)
{
    public static FeedChannel For(SiteSettings settings, TagName? tag) => tag is null
        ? new(settings.SiteName, string.IsNullOrEmpty(settings.SiteDescription) ? settings.SiteName : settings.SiteDescription, "/")
        : new($"{settings.SiteName}: {tag.Name}", $"Posts tagged “{tag.Name}” on {settings.SiteName}.", TagPaths.Page(tag.Slug));

    /// <summary>The feed's own address, e.g. "/rss.xml" or "/tags/russia/rss.xml".</summary>
    public string FeedPath(string file) => PagePath == "/" ? "/" + file : $"{PagePath}/{file}";
}
