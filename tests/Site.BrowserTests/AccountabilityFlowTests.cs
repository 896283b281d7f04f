using Cms.Content;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Modules.Contents.Models;
using Modules.Forecasts.Models;
using Modules.NewsCommentary.Models;
using Modules.NewsCommentary.Services;
using Site.Tests.Infrastructure;
using Site.Tests.Modules.NewsCommentary.QuoteDrift;

namespace Site.BrowserTests;

/// <summary>A site whose link checker may read the local source server (127.0.0.1).</summary>
public sealed class AccountabilityBrowserSite : BrowserSite
{
    public AccountabilityBrowserSite()
        : base(Make())
    {
    }

    private static SiteFactory Make()
    {
        var site = new SiteFactory();
        site.Settings["NewsCommentary:LinkCheck:AllowPrivateAddresses"] = "true";
        site.Settings["NewsCommentary:LinkCheck:Timeout"] = "00:00:05";
        return site;
    }
}

/// <summary>Issue 16 in a real browser: the reader sees the drift notice under the quote and the forecast's outcome beside it.</summary>
public sealed class AccountabilityFlowTests(AccountabilityBrowserSite browser) : IClassFixture<AccountabilityBrowserSite>
{
    [Fact]
    public async Task TheReader_SeesTheDriftNotice_AndTheForecastsOutcome()
    {
        await using var sources = await SourceServer.StartAsync();
        const string key = "browser";
        sources.SetPage(key, QuoteDriftSite.Article());
        var path = await browser.Site.InScopeAsync(async sp =>
        {
            var contentManager = sp.GetRequiredService<IContentManager>();
            var item = TestPosts.New(contentManager, "Minsk Under Pressure", new DateTime(2024, 1, 10, 0, 0, 0, DateTimeKind.Utc));
            item.Alter<QuotePart>(p => p.Text = QuoteDriftSite.Quote);
            item.Alter<SourceLinkPart>(p =>
            {
                p.Url = $"{sources.BaseUrl}/page/{key}";
                p.ArchiveUrl = QuoteDriftSite.Archive;
            });
            item.Alter<ForecastPart>(p => p.Forecasts =
            [
                new Forecast
                {
                    Statement = "A general strike closes the factories within a month",
                    Probability = 30,
                    ResolveByUtc = new DateTime(2024, 2, 10, 0, 0, 0, DateTimeKind.Utc),
                    Outcome = ForecastOutcome.DidNotHappen,
                    Note = "The factories kept working.",
                    ResolvedUtc = new DateTime(2024, 2, 11, 0, 0, 0, DateTimeKind.Utc),
                },
            ]);
            var stored = await contentManager.PublishAsync(item);
            await sp.GetRequiredService<LinkChecker>().CheckNowAsync(stored.ContentItemId);
            sources.SetPage(key, QuoteDriftSite.Article(QuoteDriftSite.Reworded));
            var check = await sp.GetRequiredService<LinkChecker>().CheckNowAsync(stored.ContentItemId);
            Assert.Equal(QuoteState.SomeMissing, check!.QuoteState);
            return "/" + stored.As<AutoroutePart>()!.Path;
        });

        var page = await browser.NewPageAsync();
        await page.GotoAsync(path);
        await BrowserSite.ScreenshotAsync(page, "accountability-post");

        var notice = page.Locator("blockquote.quote + p.quote-drift");
        await Assertions.Expect(notice).ToBeVisibleAsync();
        await Assertions.Expect(notice).ToContainTextAsync($"The source has changed since this was quoted (first noticed {PostDate.Short(DateTime.UtcNow)})");
        await Assertions.Expect(notice.Locator("a.quote-drift-archive")).ToHaveAttributeAsync("href", QuoteDriftSite.Archive);

        var forecast = page.Locator(".forecasts .forecast").First;
        await Assertions.Expect(forecast.Locator(".forecast-statement")).ToHaveTextAsync("A general strike closes the factories within a month");
        await Assertions.Expect(forecast.Locator(".forecast-outcome")).ToContainTextAsync("Did not happen");
        await Assertions.Expect(forecast.Locator(".forecast-note")).ToHaveTextAsync("The factories kept working.");

        // The deep link skips the reworded sentence.
        var href = await page.Locator("p.source a").First.GetAttributeAsync("href");
        Assert.EndsWith("#:~:text=The%20opposition%20called%20for%20a,the%20whole%20country%20on%20Monday", href, StringComparison.Ordinal);
    }
}
