using System.Net;
using System.Xml.Linq;
using Cms.Content;
using Microsoft.Extensions.DependencyInjection;
using Modules.Contents.Models;
using Site.Tests.Infrastructure;

namespace Site.Tests.Integration;

/// <summary>What an anonymous reader sees on a site set up with the NewsCommentary recipe.</summary>
public sealed class PublicSiteTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private const string SeedPath = "/2020/09/11/sochi-meeting";

    [Fact]
    public async Task Home_ShowsSeedPostUnderItsDateHeader()
    {
        var (response, page) = await Html.GetAsync(site.CreateReader(), "/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var group = page.QuerySelectorAll("section.date-group")
            .Single(s => s.QuerySelector("h2.date-header")!.TextContent.Trim() == "Friday, September 11, 2020");
        var title = group.QuerySelector("article .title a")!;
        Assert.Equal("Sochi Meeting", title.TextContent.Trim());
        Assert.Equal(SeedPath, title.GetAttribute("href"));
    }

    [Fact]
    public async Task PostPage_ShowsQuoteAnalysisAndSourceLink()
    {
        var (response, page) = await Html.GetAsync(site.CreateReader(), SeedPath);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Sochi Meeting", page.QuerySelector("h1.title")!.TextContent.Trim());
        Assert.Equal("Friday, September 11, 2020", page.QuerySelector(".date-header")!.TextContent.Trim());
        Assert.Equal("From The Moscow Times:", page.QuerySelector(".attribution")!.TextContent.Trim());
        var quote = page.QuerySelector("blockquote.quote")!;
        const string source = "https://www.themoscowtimes.com/2020/09/11/putin-lukashenko-to-talk-integration-amid-belarus-protests-a71419";
        Assert.Equal(source, quote.GetAttribute("cite"));
        Assert.Equal("“Putin, Lukashenko To Talk 'Integration' Amid Belarus Protests”", quote.QuerySelector(".quote-headline")!.TextContent.Trim());
        Assert.Contains("Russian President Vladimir Putin and Belarus strongman Alexander Lukashenko", quote.TextContent);
        Assert.Contains(quote.QuerySelectorAll("h3"), h => h.TextContent.Trim() == "Mass demonstrations");
        Assert.Contains(quote.QuerySelectorAll("h3"), h => h.TextContent.Trim() == "Dependent on Russia");
        Assert.StartsWith("This will either mean Lukashenko will resign", page.QuerySelector(".analysis")!.TextContent.Trim());
        var link = page.QuerySelector(".source a")!;
        Assert.Equal(source + "#:~:text=Russian%20President%20Vladimir%20Putin%20and,agreements%20would%20only%20anger%20Belarusians", link.GetAttribute("href"));
        Assert.Contains("The Moscow Times", page.QuerySelector(".source")!.TextContent);
        Assert.Contains("September 11, 2020", page.QuerySelector(".source")!.TextContent);
    }

    [Fact]
    public async Task Feed_IsRss20AndListsSeedPost()
    {
        var response = await site.CreateReader().GetAsync("/rss.xml");

        Assert.Equal("application/rss+xml", response.Content.Headers.ContentType!.MediaType);
        var rss = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("2.0", rss.Root!.Attribute("version")!.Value);
        var item = rss.Root.Element("channel")!.Elements("item").Single(i => i.Element("title")!.Value == "Sochi Meeting");
        Assert.EndsWith(SeedPath, item.Element("link")!.Value);
        Assert.Equal("Fri, 11 Sep 2020 12:00:00 GMT", item.Element("pubDate")!.Value);
        Assert.Contains("themoscowtimes.com", item.Element("description")!.Value);
    }

    [Fact]
    public async Task UnknownPath_IsTheThemedNotFoundPage()
    {
        var (response, page) = await Html.GetAsync(site.CreateReader(), "/2020/09/11/no-such-post");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page not found", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("header.site-header"));
        Assert.DoesNotContain("Exception", page.Body!.TextContent);
    }

    [Fact]
    public async Task Draft_IsNotVisibleToAnonymousReaders()
    {
        var path = await site.InScopeAsync(async sp =>
        {
            var contentManager = sp.GetRequiredService<IContentManager>();
            var draft = await contentManager.SaveDraftAsync(TestPosts.New(contentManager, "A Draft Not Yet Ready"));
            return "/" + draft.As<AutoroutePart>()!.Path;
        });
        var reader = site.CreateReader();

        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(path)).StatusCode);
        Assert.DoesNotContain("A Draft Not Yet Ready", await reader.GetStringAsync("/"));
        Assert.DoesNotContain("A Draft Not Yet Ready", await reader.GetStringAsync("/rss.xml"));
    }

    [Fact]
    public async Task MonthlyArchive_ListsMonthAndItsPosts()
    {
        var reader = site.CreateReader();
        var (_, index) = await Html.GetAsync(reader, "/archive");
        var september = index.QuerySelectorAll(".archive-months a").Single(a => a.TextContent == "September 2020");

        var (response, month) = await Html.GetAsync(reader, september.GetAttribute("href")!);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("September 2020", month.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains(month.QuerySelectorAll("article .title a"), a => a.TextContent.Trim() == "Sochi Meeting");
    }

    [Theory]
    [InlineData("/?page=abc")]
    [InlineData("/?page=0")]
    [InlineData("/?page=-3")]
    public async Task Home_AnswersBadPageNumberWithClearMessage(string url)
    {
        var (response, page) = await Html.GetAsync(site.CreateReader(), url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("is not a page number", page.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task Responses_CarrySecurityHeaders()
    {
        var response = await site.CreateReader().GetAsync("/");

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.NotEmpty(response.Headers.GetValues("Referrer-Policy"));
    }

    [Fact]
    public async Task Setup_AnswersNotFoundOnceTheSiteIsSetUp()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await site.CreateReader().GetAsync("/setup")).StatusCode);
    }
}
