using Microsoft.Playwright;
using Site.Tests.Infrastructure;
using Site.Tests.Modules.Media;

namespace Site.BrowserTests;

/// <summary>An editor puts pictures into a post from the Markdown editor, by the button and by dropping a file; the reader sees them with a srcset.</summary>
public sealed class MediaFlowTests(BrowserSite browser) : IClassFixture<BrowserSite>
{
    [Fact]
    public async Task Editor_UploadsByButtonAndByDrop_WithAltText_AndTheReaderSeesThePictures()
    {
        await Accounts.EnsureUserAsync(browser.Site, "browser-media", "Editor");
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/admin");
        await BrowserSite.WaitForAddressAsync(page, "**/login**");
        await page.FillAsync("form:has(input[type=password]) input:is([type=text],[type=email],:not([type]))", "browser-media");
        await page.FillAsync("input[type=password]", Accounts.Password);
        await page.ClickAsync("form:has(input[type=password]) button[type=submit]");
        await BrowserSite.WaitForAddressAsync(page, "**/admin");

        await page.GotoAsync("/admin/contents/new/NewsCommentary");
        await page.FillAsync("[name='TitlePart.Title']", "Harbour Pictures");
        await page.FillAsync("[name='QuotePart.Attribution']", "The Harbour Times");
        await page.FillAsync("[name='QuotePart.Headline']", "Boats Return");
        await page.FillAsync("[name='QuotePart.Text']", "The boats are back.");
        await page.FillAsync("[name='AnalysisPart.Markdown']", "Two pictures:");
        await page.FillAsync("[name='SourceLinkPart.Url']", "https://www.harbour.example/boats");

        // The button: choose a file, type the alt text (required), upload; the Markdown goes in at the cursor.
        var analysis = page.Locator(".part-analysis");
        var textarea = page.Locator("[name='AnalysisPart.Markdown']");
        await analysis.Locator(".media-insert-open").ClickAsync();
        await analysis.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "Harbour.jpg", MimeType = "image/jpeg", Buffer = TestImages.Jpeg() });
        await analysis.Locator(".media-insert-upload").ClickAsync();
        await Assertions.Expect(analysis.Locator(".media-insert-message")).ToContainTextAsync("Alt text is required");
        await analysis.Locator("input[type=text]").FillAsync("Boats in the harbour");
        await analysis.Locator(".media-insert-upload").ClickAsync();
        await Assertions.Expect(analysis.Locator(".media-insert-message")).ToContainTextAsync("Inserted /media/");
        await Assertions.Expect(textarea).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(@"!\[Boats in the harbour\]\(/media/\d{4}/\d{2}/harbour\.jpg\)"));

        // Drag and drop: a file dropped on the text opens the same panel with the file chosen.
        var drop = await page.EvaluateHandleAsync(
            "async (b64) => { const bytes = Uint8Array.from(atob(b64), c => c.charCodeAt(0)); const dt = new DataTransfer();"
            + " dt.items.add(new File([bytes], 'chart.png', { type: 'image/png' })); return dt; }",
            Convert.ToBase64String(TestImages.Png(320, 200)));
        await textarea.DispatchEventAsync("drop", new Dictionary<string, object> { ["dataTransfer"] = drop });
        await Assertions.Expect(analysis.Locator(".media-insert-message")).ToContainTextAsync("Dropped chart.png");
        await analysis.Locator("input[type=text]").FillAsync("A chart of arrivals");
        await analysis.Locator(".media-insert-upload").ClickAsync();
        await Assertions.Expect(textarea).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(@"!\[A chart of arrivals\]\(/media/\d{4}/\d{2}/chart\.png\)"));
        await Assertions.Expect(page.Locator(".part-analysis .markdown-preview img[alt='A chart of arrivals']")).ToBeVisibleAsync();
        await BrowserSite.ScreenshotAsync(page, "editor-media-upload");

        await page.ClickAsync("button[value=publish]");
        await Assertions.Expect(page.Locator(".notice-success")).ToContainTextAsync("is published");

        var reader = await browser.NewPageAsync();
        await reader.GotoAsync("/");
        await reader.ClickAsync("article .title a:text('Harbour Pictures')");
        var picture = reader.Locator("img[alt='Boats in the harbour']");
        await Assertions.Expect(picture).ToHaveAttributeAsync("srcset", new System.Text.RegularExpressions.Regex(@"\?width=640 640w"));
        await picture.ScrollIntoViewIfNeededAsync();
        await reader.WaitForFunctionAsync("() => { const i = document.querySelector(\"img[alt='Boats in the harbour']\"); return i && i.complete && i.naturalWidth > 0; }");
        await BrowserSite.ScreenshotAsync(reader, "post-with-media");

        var library = await browser.NewPageAsync(storageState: await page.Context.StorageStateAsync());
        await library.GotoAsync("/admin/media?q=harbour");
        await Assertions.Expect(library.Locator(".media-grid img[alt='Boats in the harbour']")).ToBeVisibleAsync();
        await library.WaitForFunctionAsync("() => { const i = document.querySelector(\".media-grid img[alt='Boats in the harbour']\"); return i && i.complete && i.naturalWidth === 320; }");
        await BrowserSite.ScreenshotAsync(library, "media-library");
    }
}
