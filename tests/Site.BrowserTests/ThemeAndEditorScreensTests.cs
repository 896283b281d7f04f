using Microsoft.Playwright;
using Site.BrowserTests.Accessibility;
using Xunit.Abstractions;

namespace Site.BrowserTests;

/// <summary>
/// What a person sees: a compact header, the footer at the bottom of short pages, the long quote's skip
/// link, the editor's autosave; and screenshots of home, post (desktop and phone), search and the editor,
/// saved where the test output says.
/// </summary>
[Collection(ReadersCollection.Name)]
public sealed class ThemeAndEditorScreensTests(ReadersSite site, ITestOutputHelper output) : ReadersTest(site)
{
    [Fact]
    public async Task Header_TakesAtMostTwoRows_At1280()
    {
        var page = await Site.ReaderPageAsync();
        await page.GotoAsync("/");

        var tops = new HashSet<int>();
        foreach (var selector in new[] { ".site-title", ".site-nav", ".site-search" })
        {
            var box = (await page.Locator($"header {selector}").BoundingBoxAsync())!;
            tops.Add((int)Math.Round(box.Y / 20));
        }

        var header = (await page.Locator("header.site-header").BoundingBoxAsync())!;
        Assert.True(tops.Count <= 2, $"the title, navigation and search sit on {tops.Count} rows");
        Assert.True(header.Height <= 130, $"the header is {header.Height} px tall");
    }

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task Footer_SitsAtTheBottomOfTheWindow_OnAShortPage(ColorScheme scheme)
    {
        var page = await Site.ReaderPageAsync(scheme);
        await page.GotoAsync("/search?q=nothing-is-found-for-this");

        var footer = (await page.Locator("footer.site-footer").BoundingBoxAsync())!;
        Assert.InRange(footer.Y + footer.Height, 899, 901);
        await Axe.AssertNoSeriousViolationsAsync(page);
    }

    [Fact]
    public async Task LongQuote_SkipLink_TakesTheReaderToTheAnalysis()
    {
        var page = await Site.ReaderPageAsync();
        await page.GotoAsync(ReadersSite.SeedPostPath);

        await page.ClickAsync("text=Skip to the analysis");

        await Assertions.Expect(page.Locator("#analysis")).ToBeInViewportAsync();
        Assert.EndsWith("#analysis", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editor_SavesTheDraftByItself_After30Seconds()
    {
        var page = await Site.EditorPageAsync();
        await page.Clock.InstallAsync();
        await page.GotoAsync("/admin/contents/new/NewsCommentary");
        await page.FillAsync("[name='TitlePart.Title']", "Saved By Itself");
        await page.FillAsync("[name='QuotePart.Text']", "A passage typed and left alone.");
        await page.FillAsync("[name='AnalysisPart.Markdown']", "Words the editor did not save by hand.");
        await page.FillAsync("[name='SourceLinkPart.Url']", "https://news.example.org/by-itself");

        await page.Clock.FastForwardAsync("00:31");

        await Assertions.Expect(page.Locator(".autosave-status")).ToContainTextAsync("Draft saved automatically");
        Assert.Matches("/admin/contents/[0-9a-z]{26}/edit$", page.Url);
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("[name='AnalysisPart.Markdown']")).ToHaveValueAsync("Words the editor did not save by hand.");
    }

    [Fact]
    public async Task Screenshots_OfHomePostSearchAndEditor_AreSaved()
    {
        var reader = await Site.ReaderPageAsync();
        await reader.GotoAsync("/");
        await BrowserSite.ScreenshotAsync(reader, "theme-home");
        await reader.GotoAsync(ReadersSite.SeedPostPath);
        await BrowserSite.ScreenshotAsync(reader, "theme-post-1280");
        await reader.SetViewportSizeAsync(390, 844);
        await reader.ReloadAsync();
        await BrowserSite.ScreenshotAsync(reader, "theme-post-390");
        var wide = await reader.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(wide, "the post scrolls sideways at 390 px");
        await reader.SetViewportSizeAsync(1280, 900);
        await reader.GotoAsync("/search?q=Lukashenko");
        await BrowserSite.ScreenshotAsync(reader, "theme-search");
        var editor = await Site.EditorPageAsync();
        await editor.GotoAsync($"/admin/contents/{Site.SeedPostId}/edit");
        await BrowserSite.ScreenshotAsync(editor, "theme-editor");

        output.WriteLine($"Screenshots: {BrowserSite.ScreenshotFolder}");
        foreach (var name in new[] { "theme-home", "theme-post-1280", "theme-post-390", "theme-search", "theme-editor" })
        {
            var file = new FileInfo(Path.Combine(BrowserSite.ScreenshotFolder, name + ".png"));
            Assert.True(file.Exists && file.Length > 1000, $"{file.FullName} was not saved");
        }
    }
}
