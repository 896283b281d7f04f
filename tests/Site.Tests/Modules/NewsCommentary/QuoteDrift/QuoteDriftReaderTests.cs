using System.Net;
using Modules.NewsCommentary.Services;
using Site.Tests.Infrastructure;
using Site.Tests.Modules.NewsCommentary.LinkHealth;

namespace Site.Tests.Modules.NewsCommentary.QuoteDrift;

/// <summary>Issue 16, points 2 and 3: readers are told under the quote, and the deep link uses only the sentences still found.</summary>
public sealed class QuoteDriftReaderTests(QuoteDriftSite site) : IClassFixture<QuoteDriftSite>
{
    [Fact]
    public async Task ADriftedQuote_CarriesTheNoticeWithTheDate_AndTheArchivedCopy()
    {
        var (post, key) = await site.PublishDriftingAsync();
        await site.CheckNowAsync(post);
        var (_, before) = await Html.GetAsync(site.CreateReader(), post.Path);
        Assert.Null(before.QuerySelector(".quote-drift"));

        site.Sources.SetPage(key, QuoteDriftSite.Article(QuoteDriftSite.Reworded));
        var check = (await site.CheckNowAsync(post))!;
        var (response, page) = await Html.GetAsync(site.CreateReader(), post.Path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var notice = page.QuerySelector("blockquote.quote + p.quote-drift")!;
        var date = PostDate.Short(check.DriftSinceUtc!.Value);
        Assert.Equal($"The source has changed since this was quoted (first noticed {date}). Read the archived copy.",
            string.Join(' ', notice.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
        Assert.Equal(QuoteDriftSite.Archive, notice.QuerySelector("a.quote-drift-archive")!.GetAttribute("href"));
    }

    [Fact]
    public async Task TheDeepLink_IsBuiltFromTheSentencesStillFound()
    {
        var (post, key) = await site.PublishDriftingAsync(archive: null);
        await site.CheckNowAsync(post);
        var whole = await DeepLinkAsync(post);
        Assert.Contains("#:~:text=Lukashenko%20said%20he%20would%20not,", whole, StringComparison.Ordinal);

        site.Sources.SetPage(key, QuoteDriftSite.Article(QuoteDriftSite.Reworded));
        await site.CheckNowAsync(post);
        var (_, page) = await Html.GetAsync(site.CreateReader(), post.Path);
        Assert.Equal("The source has changed since this was quoted (first noticed " + PostDate.Short(DateTime.UtcNow) + ").",
            string.Join(' ', page.QuerySelector(".quote-drift")!.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));

        // Sentence 2 is missing: the longest run still found is the last sentence alone.
        Assert.Equal($"{site.Sources.BaseUrl}/page/{key}#:~:text=The%20opposition%20called%20for%20a,the%20whole%20country%20on%20Monday",
            await DeepLinkAsync(post));

        site.Sources.SetPage(key, "<p>Removed.</p>");
        await site.CheckNowAsync(post);
        Assert.Equal($"{site.Sources.BaseUrl}/page/{key}", await DeepLinkAsync(post));
    }

    private async Task<string> DeepLinkAsync(TestPost post)
    {
        var (_, page) = await Html.GetAsync(site.CreateReader(), post.Path);
        return page.QuerySelector("p.source a")!.GetAttribute("href")!;
    }
}
