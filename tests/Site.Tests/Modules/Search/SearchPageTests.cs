using System.Net;
using Cms.Security;
using Microsoft.Extensions.DependencyInjection;
using Modules.NewsCommentary.Models;
using Site.Tests.Infrastructure;

namespace Site.Tests.Modules.Search;

/// <summary>The search page: highlighting that cannot inject markup, paging, and a page (never an error) for any query.</summary>
public sealed class SearchPageTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task Results_MarkTheMatchedWord_InTitleAndExcerpt()
    {
        await SearchPages.PublishAsync(site, "Flamingo Accord", item =>
            item.Alter<AnalysisPart>(p => p.Markdown = "Nobody expected the flamingos to sign anything at all, least of all a treaty."));

        var (_, page) = await SearchPages.GetAsync(site.CreateReader(), "flamingo");

        var result = Assert.Single(page.QuerySelectorAll(".search-result"));
        Assert.Equal("Flamingo", result.QuerySelector(".search-result-title mark")!.TextContent);
        var excerptMarks = result.QuerySelectorAll(".search-result-excerpt mark").Select(m => m.TextContent).ToList();
        Assert.Contains("flamingos", excerptMarks);
        Assert.All(excerptMarks, m => Assert.StartsWith("flamingo", m, StringComparison.OrdinalIgnoreCase));
        Assert.Contains("1 post matches", page.QuerySelector(".search-summary")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScriptInAPost_IsShownAsText_AndPlantedMarksAreIgnored()
    {
        await SearchPages.PublishAsync(site, "<script>alert('t')</script> Marmoset", item =>
        {
            item.Alter<QuotePart>(p =>
            {
                p.Headline = "<img src=x onerror=alert(1)> Marmoset headline";
                p.Text = "A marmoset wrote `<script>alert(2)</script>` in the quote.";
            });
            item.Alter<AnalysisPart>(p => p.Markdown = "Marmoset \uE000planted\uE001 marks \uE001 and \uE000 stray ones.");
        });

        var (response, page) = await SearchPages.GetAsync(site.CreateReader(), "marmoset");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(page.QuerySelector("script"));
        Assert.Null(page.QuerySelector("main img"));
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        var title = page.QuerySelector(".search-result-title a")!;
        Assert.StartsWith("<script>alert('t')</script>", title.TextContent.Trim(), StringComparison.Ordinal);
        // SQLite's snippet keeps the tag as text; PostgreSQL's ts_headline leaves tags out. Neither makes an element.
        Assert.Contains("alert(2)", page.QuerySelector(".search-result-excerpt")!.TextContent, StringComparison.Ordinal);
        Assert.All(page.QuerySelectorAll("mark"), m => Assert.Equal("marmoset", m.TextContent, ignoreCase: true));
    }

    [Fact]
    public async Task ManyResults_ArePaged_NewestFirst_WithTheQueryKept()
    {
        for (var day = 1; day <= 12; day++)
        {
            await SearchPages.PublishAsync(site, $"Capybara {day:00}", publishedUtc: new DateTime(2023, 5, day, 8, 0, 0, DateTimeKind.Utc));
        }

        var reader = site.CreateReader();
        const string query = "capybara &";
        var (_, first) = await SearchPages.GetAsync(reader, query);
        var next = first.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        var (_, second) = await Html.GetAsync(reader, next);
        var previous = second.QuerySelector("a[rel=prev]")!.GetAttribute("href")!;

        Assert.Equal([.. Enumerable.Range(3, 10).Reverse().Select(d => $"Capybara {d:00}")], SearchPages.Titles(first));
        Assert.Equal(["Capybara 02", "Capybara 01"], SearchPages.Titles(second));
        Assert.Equal(SearchPages.Url(query, 2), next);
        Assert.Equal(SearchPages.Url(query), previous);
        Assert.Null(first.QuerySelector("a[rel=prev]"));
        Assert.Null(second.QuerySelector("a[rel=next]"));
        Assert.Contains("12 posts match", first.QuerySelector(".search-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("11", second.QuerySelector("ol.search-results")!.GetAttribute("start"));
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(SearchPages.Url(query, 3))).StatusCode);
    }

    public static TheoryData<string> HostileQueries => new()
    {
        "\"",
        "\"unbalanced phrase",
        "*",
        "walrus*",
        "NEAR(",
        "NEAR(a b, 2)",
        "AND OR NOT",
        "NOT",
        "a OR b AND -c",
        "'); drop table \"SearchDocument\"; --",
        "'); DROP TABLE \"SearchIndex\"; --",
        "Title:Sochi",
        "^Sochi {curly} (((( [x]",
        "Ünïcödé naïve café Лукашенко 日本語",
        "😀",
        "🦫 capybara 👨‍👩‍👧",
        new string('a', 10_000),
        string.Concat(Enumerable.Repeat("lukashenko ", 1_000)),
        "!!! ??? ... --- ,,,",
        "\u0001\u0002 control \u007f",
        "\uE000\uE001",
        "\uD800 lone surrogate",
        "<script>alert(1)</script>",
        "the",
    };

    [Theory]
    [MemberData(nameof(HostileQueries))]
    public async Task AnyQuery_AnswersWithAResultsPage(string query)
    {
        var reader = site.CreateReader();

        var (response, page) = await SearchPages.GetAsync(reader, query);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Search", page.QuerySelector("main h1")!.TextContent);
        Assert.NotNull(page.QuerySelector("main form[role=search] input[name=q]"));
        Assert.Null(page.QuerySelector("main script"));
        Assert.Equal(["Sochi Meeting"], await SearchPages.TitlesAsync(reader, "Lukashenko"));
    }

    [Theory]
    [InlineData("/search")]
    [InlineData("/search?q=")]
    [InlineData("/search?q=%20%20%20")]
    public async Task EmptyQuery_ShowsTheFormAlone(string url)
    {
        var (response, page) = await Html.GetAsync(site.CreateReader(), url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(page.QuerySelector("main form[role=search] input[name=q]"));
        Assert.Empty(page.QuerySelectorAll(".search-result"));
        Assert.Null(page.QuerySelector(".search-summary"));
        Assert.Equal("noindex", page.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("99999999999")]
    public async Task BadPageNumber_IsRefusedWithAMessage(string pageNumber)
    {
        var (response, page) = await Html.GetAsync(site.CreateReader(), $"/search?q=sochi&page={Uri.EscapeDataString(pageNumber)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("is not a page number", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Results_AreNotIndexedBySearchEngines()
    {
        var (_, page) = await SearchPages.GetAsync(site.CreateReader(), "Lukashenko");

        Assert.Equal("noindex", page.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
    }

    [Fact]
    public async Task Header_HasALabelledSearchForm()
    {
        var home = Html.Parse(await site.CreateReader().GetStringAsync("/"));

        var form = home.QuerySelector("header form[role=search]")!;
        var input = form.QuerySelector("input[type=search][name=q]")!;
        Assert.Equal("/search", form.GetAttribute("action"));
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.NotNull(form.QuerySelector($"label[for={input.Id}]"));
        Assert.NotNull(form.QuerySelector("button[type=submit]"));
    }

    [Fact]
    public async Task ReaderWithoutViewContent_IsSentToSignIn()
    {
        await site.InScopeAsync(sp => sp.GetRequiredService<IRoleStore>().RemovePermissionsAsync(StandardRoles.Anonymous, ["ViewContent"]));
        try
        {
            var response = await site.CreateReader().GetAsync(SearchPages.Url("Lukashenko"));

            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
        finally
        {
            await site.InScopeAsync(sp => sp.GetRequiredService<IRoleStore>().AddPermissionsAsync(StandardRoles.Anonymous, ["ViewContent"]));
        }
    }
}
