using Microsoft.Playwright;
using Site.Tests.Infrastructure;

namespace Site.BrowserTests;

/// <summary>An editor writes and tags a post in the admin with the live preview, previews it, publishes it; a reader finds it, and its tag page.</summary>
public sealed class EditorFlowTests(BrowserSite browser) : IClassFixture<BrowserSite>
{
    [Fact]
    public async Task Editor_CreatesPreviewsAndPublishes_ReaderFindsItOnHome()
    {
        await Accounts.EnsureUserAsync(browser.Site, "browser-editor", "Editor");
        var page = await browser.NewPageAsync();

        await page.GotoAsync("/admin");
        await BrowserSite.WaitForAddressAsync(page, "**/login**");
        await page.FillAsync("form:has(input[type=password]) input:is([type=text],[type=email],:not([type]))", "browser-editor");
        await page.FillAsync("input[type=password]", Accounts.Password);
        await page.ClickAsync("form:has(input[type=password]) button[type=submit]");
        await BrowserSite.WaitForAddressAsync(page, "**/admin");

        await page.GotoAsync("/admin/contents/new/NewsCommentary");
        await page.FillAsync("[name='TitlePart.Title']", "Baltic Ports");
        await page.FillAsync("[name='QuotePart.Attribution']", "The Baltic Times");
        await page.FillAsync("[name='QuotePart.Headline']", "Belarus Reroutes Cargo");
        await page.FillAsync("[name='QuotePart.Text']", "Belarus will **reroute** its cargo.\n\n## Ports\n\nKlaipeda loses traffic.");
        await page.FillAsync("[name='AnalysisPart.Markdown']", "A costly *gesture*.");
        await page.FillAsync("[name='SourceLinkPart.Url']", "https://www.baltictimes.example/belarus-cargo");
        await page.FillAsync("[name='SourceLinkPart.PublishedUtc']", "2024-06-01");
        await page.FillAsync("[name='TagsPart.Tags']", "Belarus, Baltic Ports");

        // The live preview is rendered by the server as the reader will see it.
        var quotePreview = page.Locator(".markdown-preview").First;
        await Assertions.Expect(quotePreview.Locator("strong")).ToHaveTextAsync("reroute");
        await Assertions.Expect(quotePreview.Locator("h3")).ToHaveTextAsync("Ports");
        await BrowserSite.ScreenshotAsync(page, "editor");

        await page.ClickAsync("button[value=save]");
        await Assertions.Expect(page.Locator(".notice-success")).ToContainTextAsync("saved as a draft");

        await page.ClickAsync("text=Preview the latest version");
        await Assertions.Expect(page.Locator(".preview-banner")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("h1.title")).ToHaveTextAsync("Baltic Ports");
        await BrowserSite.ScreenshotAsync(page, "preview");
        await page.GoBackAsync();

        await page.ClickAsync("button[value=publish]");
        await Assertions.Expect(page.Locator(".notice-success")).ToContainTextAsync("is published");

        var reader = await browser.NewPageAsync();
        await reader.GotoAsync("/");
        await reader.ClickAsync("article .title a:text('Baltic Ports')");
        await Assertions.Expect(reader.Locator("h1.title")).ToHaveTextAsync("Baltic Ports");
        await Assertions.Expect(reader.Locator(".attribution")).ToHaveTextAsync("From The Baltic Times:");
        await Assertions.Expect(reader.Locator("blockquote strong")).ToHaveTextAsync("reroute");
        await BrowserSite.ScreenshotAsync(reader, "published-post");

        await reader.ClickAsync("a[rel=tag]:text('Baltic Ports')");
        await Assertions.Expect(reader.Locator("h1.page-title")).ToHaveTextAsync("Tagged “Baltic Ports”");
        await Assertions.Expect(reader.Locator("article .title a")).ToHaveTextAsync("Baltic Ports");
        await BrowserSite.ScreenshotAsync(reader, "tag-page");
    }
}
