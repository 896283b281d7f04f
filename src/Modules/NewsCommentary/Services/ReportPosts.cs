using Cms.Content;

namespace Modules.NewsCommentary.Services;

/// <summary>What the source-link reports (broken links, changed quotes) read of the posts on one page of rows.</summary>
internal static class ReportPosts
{
    /// <summary>The published posts of a page's rows, by id, in one query.</summary>
    public static async Task<Dictionary<string, ContentItem>> ByIdAsync(IContentManager contentManager, IEnumerable<string> ids)
    {
        var wanted = ids.ToList();
        return (await contentManager.ListAsync(contentManager.Query().Where(r => r.Published && wanted.Contains(r.ContentItemId))))
            .ToDictionary(i => i.ContentItemId, StringComparer.Ordinal);
    }

    public static string TitleOf(ContentItem? post) => post?.DisplayText is { Length: > 0 } title ? title : "(untitled)";
}
