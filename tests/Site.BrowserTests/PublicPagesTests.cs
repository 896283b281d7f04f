namespace Site.BrowserTests;

/// <summary>The public site in a real browser: the theme's styles load and the seed post reads as on the seed page.</summary>
public sealed class PublicPagesTests(BrowserSite browser) : IClassFixture<BrowserSite>
{
    [Fact]
    public async Task HomeAndPost_RenderWithTheTheme()
    {
        var page = await browser.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add($"{message.Text} ({message.Location})");
            }
        };

        await page.GotoAsync("/");
        await BrowserSite.ScreenshotAsync(page, "home");
        var background = await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('blockquote.quote')).borderLeftStyle");

        Assert.Equal("Friday, September 11, 2020", (await page.Locator("h2.date-header").First.InnerTextAsync()).Trim());
        Assert.NotEqual("none", background);
        await page.ClickAsync("text=Sochi Meeting");
        await BrowserSite.WaitForAddressAsync(page, "**/2020/09/11/sochi-meeting");
        await BrowserSite.ScreenshotAsync(page, "post");
        Assert.Equal("Sochi Meeting", (await page.Locator("h1.title").InnerTextAsync()).Trim());
        Assert.Empty(errors);
    }
}
