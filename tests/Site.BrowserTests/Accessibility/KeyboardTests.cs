using Microsoft.Playwright;
using static Site.BrowserTests.Accessibility.KeyboardOnly;

namespace Site.BrowserTests.Accessibility;

/// <summary>
/// The site with the keyboard alone: "Skip to content" first, a focus ring that can be seen in both
/// schemes, a member comments and an editor publishes with Tab, typing and Enter, and the Markdown
/// editor lets the focus leave as it came.
/// </summary>
[Collection(ReadersCollection.Name)]
public sealed class KeyboardTests(ReadersSite site) : ReadersTest(site)
{
    // The focus ring against the page behind it: WCAG 1.4.11 asks 3:1 of what shows a control's state.
    private const string FocusRingContrastScript = """
        () => {
          const e = document.activeElement;
          const style = getComputedStyle(e);
          const rgb = c => c.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number);
          const luminance = c => {
            const [r, g, b] = rgb(c).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
            return 0.2126 * r + 0.7152 * g + 0.0722 * b;
          };
          const a = luminance(style.outlineColor), b = luminance(getComputedStyle(document.body).backgroundColor);
          return {
            style: style.outlineStyle,
            width: parseFloat(style.outlineWidth),
            contrast: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05),
          };
        }
        """;

    public static TheoryData<string, bool> SkipLinkPages => new()
    {
        { "/", false },
        { ReadersSite.SeedPostPath, false },
        { "/archive", false },
        { "/admin/contents", true },
        { "/admin/contents/new/NewsCommentary", true },
    };

    [Theory]
    [MemberData(nameof(SkipLinkPages))]
    public async Task SkipLink_IsTheFirstTabStop_Visible_AndMovesFocusToMain(string path, bool admin)
    {
        var page = admin ? await Site.EditorPageAsync() : await Site.ReaderPageAsync();
        await page.GotoAsync(path);

        await page.Keyboard.PressAsync("Tab");
        var skip = page.Locator("a.skip-link");
        Assert.True(await FocusedMatchesAsync(page, "a.skip-link"), $"The first Tab stop is {await FocusedAsync(page)}.");
        await Assertions.Expect(skip).ToHaveTextAsync("Skip to content");
        await Assertions.Expect(skip).ToBeInViewportAsync(new LocatorAssertionsToBeInViewportOptions { Ratio = 1 });
        await page.Keyboard.PressAsync("Enter");

        Assert.True(await FocusedMatchesAsync(page, "main#main"), $"After the skip link the focus is on {await FocusedAsync(page)}.");
        // The next Tab continues inside main, past the header and menu.
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await FocusedMatchesAsync(page, "main *"), $"After main the next Tab stop is {await FocusedAsync(page)}.");
    }

    // A member's post page has links, the comment box and buttons; the admin editor has them all too.
    public static TheoryData<string, ColorScheme, bool> FocusRingPages => new()
    {
        { ReadersSite.SeedPostPath, ColorScheme.Light, false },
        { ReadersSite.SeedPostPath, ColorScheme.Dark, false },
        { "/admin/contents/new/NewsCommentary", ColorScheme.Light, true },
        { "/admin/contents/new/NewsCommentary", ColorScheme.Dark, true },
    };

    [Theory]
    [MemberData(nameof(FocusRingPages))]
    public async Task FocusRing_IsSolid_AtLeastTwoPixels_AndContrasts_OnLinksFieldsAndButtons(string path, ColorScheme scheme, bool admin)
    {
        var page = admin ? await Site.EditorPageAsync(scheme) : await Site.MemberPageAsync(scheme);
        await page.GotoAsync(path);

        foreach (var selector in new[] { "a[href]:not(.skip-link)", "input, textarea", "button" })
        {
            await TabToAsync(page, selector);
            var ring = await page.EvaluateAsync<FocusRing>(FocusRingContrastScript);

            var where = $"{scheme} {path}, {await FocusedAsync(page)}";
            Assert.True(ring.Style is "solid" or "auto" or "double", $"{where}: outline-style {ring.Style}.");
            Assert.True(ring.Width >= 2, $"{where}: outline {ring.Width}px wide.");
            Assert.True(ring.Contrast >= 3, $"{where}: focus ring contrast {ring.Contrast:0.00}:1 against the page.");
        }
    }

    [Fact]
    public async Task Member_ReachesWritesAndSubmitsAComment_WithTheKeyboardOnly()
    {
        var page = await Site.MemberPageAsync();
        await page.GotoAsync(ReadersSite.SeedPostPath);

        await TabToAsync(page, "#comment-text");
        await page.Keyboard.TypeAsync("Written without a mouse.");
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await FocusedMatchesAsync(page, "form.comment-form button[type=submit]"), $"After the comment box the focus is on {await FocusedAsync(page)}.");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator(".comments .notice-success")).ToHaveTextAsync("Your comment is published.");
        await Assertions.Expect(page.Locator(".comment-text", new PageLocatorOptions { HasText = "Written without a mouse." })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Editor_FillsTheEditorAndPublishes_WithTheKeyboardOnly()
    {
        var values = new Dictionary<string, string>
        {
            ["TitlePart.Title"] = "Typed Not Clicked",
            ["QuotePart.Attribution"] = "The Keyboard Times",
            ["QuotePart.Headline"] = "Mice Stay Home",
            ["QuotePart.Text"] = "Every field was *reached* with Tab.\n\nAnd filled by typing.",
            ["AnalysisPart.Markdown"] = "Nothing here needed a pointer.",
            ["SourceLinkPart.Url"] = "https://keyboard.example/mice-stay-home",
        };
        var page = await Site.EditorPageAsync();
        await page.GotoAsync("/admin/contents/new/NewsCommentary");

        // Tab through the whole form, typing into each field met; Enter on Publish.
        var filled = new HashSet<string>();
        for (var presses = 0; presses < 120 && !await FocusedMatchesAsync(page, "button[value=publish]"); presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            var name = await page.EvaluateAsync<string>("() => document.activeElement?.name ?? ''");
            if (values.TryGetValue(name, out var value) && filled.Add(name))
            {
                await page.Keyboard.TypeAsync(value);
            }
        }

        Assert.Equal(values.Keys.Order(), filled.Order());
        Assert.True(await FocusedMatchesAsync(page, "button[value=publish]"), $"Tab never reached Publish; the focus is on {await FocusedAsync(page)}.");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator(".notice-success")).ToContainTextAsync("is published");
        var reader = await Site.ReaderPageAsync();
        await reader.GotoAsync("/");
        await Assertions.Expect(reader.Locator("article .title a", new PageLocatorOptions { HasText = "Typed Not Clicked" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task MarkdownEditor_LetsTheFocusThroughThePreviewAndOut_BothWays()
    {
        var page = await Site.EditorPageAsync();
        await page.GotoAsync("/admin/contents/new/NewsCommentary");

        await TabToAsync(page, "textarea[name='QuotePart.Text']");
        await page.Keyboard.TypeAsync("Some **strong** words.");
        var preview = page.Locator(".markdown-preview").First;
        await Assertions.Expect(preview.Locator("strong")).ToHaveTextAsync("strong");

        // Tab leaves the textarea (no tab character typed) for its preview, a named region...
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await FocusedMatchesAsync(page, ".markdown-preview"), $"After the textarea the focus is on {await FocusedAsync(page)}.");
        await Assertions.Expect(preview).ToHaveAttributeAsync("role", "region");
        await Assertions.Expect(preview).ToHaveAccessibleNameAsync("Preview: Quoted passage (Markdown)");
        await Assertions.Expect(page.Locator("textarea[name='QuotePart.Text']")).ToHaveValueAsync("Some **strong** words.");

        // ...then out of the editor, and Shift+Tab comes back the same way.
        await page.Keyboard.PressAsync("Tab");
        var leftTheEditor = await page.EvaluateAsync<bool>("() => !document.querySelector(\"textarea[name='QuotePart.Text']\").closest('.markdown-editor').contains(document.activeElement)");
        Assert.True(leftTheEditor, $"The second Tab stayed in the editor, on {await FocusedAsync(page)}.");
        await page.Keyboard.PressAsync("Shift+Tab");
        Assert.True(await FocusedMatchesAsync(page, ".markdown-preview"), $"Shift+Tab went to {await FocusedAsync(page)}.");
        await page.Keyboard.PressAsync("Shift+Tab");
        Assert.True(await FocusedMatchesAsync(page, "textarea[name='QuotePart.Text']"), $"Shift+Tab went to {await FocusedAsync(page)}.");
    }

    private sealed class FocusRing
    {
        public string Style { get; set; } = "";

        public double Width { get; set; }

        public double Contrast { get; set; }
    }
}
