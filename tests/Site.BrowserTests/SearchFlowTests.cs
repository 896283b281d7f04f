using Microsoft.Playwright;

namespace Site.BrowserTests;

/// <summary>Search from the header with the keyboard alone, in the light and the dark scheme.</summary>
public sealed class SearchFlowTests(BrowserSite browser) : IClassFixture<BrowserSite>
{
    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task HeaderSearch_ByKeyboard_ShowsMarkedResults(ColorScheme scheme)
    {
        var page = await browser.NewPageAsync();
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = scheme });
        await page.GotoAsync("/");

        // Skip link, then the header's links, until the search box has the focus.
        for (var i = 0; i < 12 && await page.EvaluateAsync<string>("document.activeElement?.id ?? ''") != "site-search-q"; i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Equal("site-search-q", await page.EvaluateAsync<string>("document.activeElement?.id ?? ''"));

        await page.Keyboard.TypeAsync("Lukashenko Belarus");
        await page.Keyboard.PressAsync("Enter");
        await BrowserSite.WaitForAddressAsync(page, url => url.Contains("/search?q=Lukashenko+Belarus", StringComparison.Ordinal));
        await BrowserSite.ScreenshotAsync(page, $"search-{scheme.ToString().ToLowerInvariant()}");

        Assert.Equal("Sochi Meeting", (await page.Locator(".search-result-title a").InnerTextAsync()).Trim());
        Assert.True(await page.Locator(".search-result-excerpt mark").CountAsync() > 0);
        var markBackground = await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('mark')).backgroundColor");
        var pageBackground = await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor");
        Assert.NotEqual(pageBackground, markBackground);
        Assert.Equal("Lukashenko Belarus", await page.InputValueAsync("#search-q"));
    }
}
