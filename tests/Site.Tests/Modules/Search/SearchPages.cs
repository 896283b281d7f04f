using AngleSharp.Dom;
using Cms.Content;
using Microsoft.Extensions.DependencyInjection;
using Modules.Contents.Models;
using Site.Tests.Infrastructure;

namespace Site.Tests.Modules.Search;

/// <summary>Reads the search page as a reader sees it, and publishes posts for it to find.</summary>
public static class SearchPages
{
    public static string Url(string query, int? page = null)
        => $"/search?q={Uri.EscapeDataString(query)}" + (page is { } n ? $"&page={n}" : "");

    public static Task<(HttpResponseMessage Response, IDocument Document)> GetAsync(HttpClient reader, string query, int? page = null)
        => Html.GetAsync(reader, Url(query, page));

    /// <summary>The titles of the results, in the order shown.</summary>
    public static async Task<IReadOnlyList<string>> TitlesAsync(HttpClient reader, string query)
    {
        var (response, document) = await GetAsync(reader, query);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return Titles(document);
    }

    public static IReadOnlyList<string> Titles(IDocument document)
        => document.QuerySelectorAll(".search-result-title a").Select(a => a.TextContent.Trim()).ToList();

    /// <summary>Publishes a post built by <see cref="TestPosts"/>, changed by <paramref name="edit"/>; returns its id and path.</summary>
    public static Task<(string Id, string Path)> PublishAsync(SiteFactory site, string title, Action<ContentItem>? edit = null, DateTime? publishedUtc = null)
        => site.InScopeAsync(async sp =>
        {
            var contentManager = sp.GetRequiredService<IContentManager>();
            var item = TestPosts.New(contentManager, title, publishedUtc ?? DateTime.UtcNow);
            edit?.Invoke(item);
            item = await contentManager.PublishAsync(item);
            return (item.ContentItemId, "/" + item.As<AutoroutePart>()!.Path);
        });
}
