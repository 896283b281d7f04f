using Site.Tests.Infrastructure;

namespace Site.Tests.Modules.NewsCommentary.LinkHealth;

/// <summary>What readers see on a post page once the checker has found its source gone, through the output cache.</summary>
public sealed class LinkHealthReaderTests(LinkHealthSite site) : IClassFixture<LinkHealthSite>
{
    private const string Archive = "https://web.archive.org/web/2020/https://news.example.org/story";

    [Theory]
    [InlineData("/missing")]
    [InlineData("/gone")]
    public async Task GoneSource_WithAnArchiveUrl_OffersTheArchivedCopy_EvenToACachedPage(string path)
    {
        var post = await site.PublishAsync(site.Sources.Url(path, LinkHealthSite.Marker()), Archive);
        var reader = site.CreateReader();
        Assert.Null((await Html.GetAsync(reader, post.Path)).Document.QuerySelector(".source-gone"));

        await site.RunPassAsync();

        var (_, page) = await Html.GetAsync(reader, post.Path);
        var notice = page.QuerySelector(".source-gone")!;
        Assert.Equal("The original article is no longer available at its source. Read the archived copy.", Squeeze(notice.TextContent));
        Assert.Equal(Archive, notice.QuerySelector("a.source-archive")!.GetAttribute("href"));
    }

    [Fact]
    public async Task GoneSource_WithoutAnArchiveUrl_SaysTheSourceSeemsUnavailable()
    {
        var post = await site.PublishAsync(site.Sources.Url("/gone", LinkHealthSite.Marker()));
        await site.RunPassAsync();

        var (_, page) = await Html.GetAsync(site.CreateReader(), post.Path);

        var notice = page.QuerySelector(".source-gone")!;
        Assert.Equal("The original article seems to be unavailable at its source.", Squeeze(notice.TextContent));
        Assert.Null(notice.QuerySelector("a"));
    }

    [Theory]
    [InlineData("/ok")]
    [InlineData("/moved")]
    [InlineData("/forbidden")]
    [InlineData("/error")]
    public async Task SourceThatIsNotGone_ShowsNoNotice_OnlyTheUsualArchiveLink(string path)
    {
        var post = await site.PublishAsync(site.Sources.Url(path, LinkHealthSite.Marker()), Archive);
        await site.RunPassAsync();

        var (_, page) = await Html.GetAsync(site.CreateReader(), post.Path);

        Assert.Null(page.QuerySelector(".source-gone"));
        Assert.Equal(Archive, page.QuerySelector(".source a[href^='https://web.archive.org']")!.GetAttribute("href"));
    }

    [Fact]
    public async Task SourceThatComesBack_LosesTheNotice_OnTheNextDaysCheck()
    {
        var key = LinkHealthSite.Marker();
        site.Sources.SetStatus(key, 404);
        var post = await site.PublishAsync($"{site.Sources.BaseUrl}/set/{key}", Archive);
        await site.RunPassAsync();
        var reader = site.CreateReader();
        Assert.NotNull((await Html.GetAsync(reader, post.Path)).Document.QuerySelector(".source-gone"));

        site.Sources.SetStatus(key, 200);
        site.Clock.Advance(TimeSpan.FromHours(25));
        await site.RunPassAsync();

        Assert.Null((await Html.GetAsync(reader, post.Path)).Document.QuerySelector(".source-gone"));
    }

    [Fact]
    public async Task HomePage_ShowsNoNotice_ForAGoneSource()
    {
        var post = await site.PublishAsync(site.Sources.Url("/gone", LinkHealthSite.Marker()));
        await site.RunPassAsync();

        var (_, home) = await Html.GetAsync(site.CreateReader(), "/");

        Assert.NotNull(home.QuerySelector($"a[href='{post.Path}']"));
        Assert.Null(home.QuerySelector(".source-gone"));
    }

    private static string Squeeze(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
