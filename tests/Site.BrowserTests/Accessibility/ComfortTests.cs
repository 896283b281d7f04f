using Cms.Content;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Modules.Contents.Models;
using Modules.NewsCommentary.Models;
using Site.Tests.Infrastructure;

namespace Site.BrowserTests.Accessibility;

/// <summary>Reading comfort: the reader's colour scheme is followed, paper gets the post without the chrome, images keep their place.</summary>
[Collection(ReadersCollection.Name)]
public sealed class ComfortTests(ReadersSite site) : ReadersTest(site)
{
    private const string SeedSourceUrl = "https://www.themoscowtimes.com/2020/09/11/putin-lukashenko-to-talk-integration-amid-belarus-protests-a71419";

    private const string BodyColoursScript = """
        () => {
          const style = getComputedStyle(document.body);
          const luminance = c => {
            const [r, g, b] = c.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
            return 0.2126 * r + 0.7152 * g + 0.0722 * b;
          };
          const bg = luminance(style.backgroundColor), fg = luminance(style.color);
          return { background: style.backgroundColor, text: style.color, backgroundLuminance: bg, contrast: (Math.max(bg, fg) + 0.05) / (Math.min(bg, fg) + 0.05) };
        }
        """;

    [Theory]
    [InlineData("/", false)]
    [InlineData("/admin/contents", true)]
    public async Task ColourScheme_FollowsTheReadersSetting_LightAndDark(string path, bool admin)
    {
        var light = await BodyColoursAsync(path, admin, ColorScheme.Light);
        var dark = await BodyColoursAsync(path, admin, ColorScheme.Dark);

        Assert.NotEqual(light.Background, dark.Background);
        Assert.NotEqual(light.Text, dark.Text);
        Assert.True(light.BackgroundLuminance > 0.8, $"The light background is {light.Background}.");
        Assert.True(dark.BackgroundLuminance < 0.05, $"The dark background is {dark.Background}.");
        Assert.True(light.Contrast >= 7 && dark.Contrast >= 7, $"Body text contrast: light {light.Contrast:0.0}:1, dark {dark.Contrast:0.0}:1.");
    }

    [Fact]
    public async Task Print_HidesTheChrome_AndPrintsTheSourceAddressAfterTheLink()
    {
        var page = await Site.MemberPageAsync(ColorScheme.Dark);
        await page.GotoAsync(ReadersSite.SeedPostPath);
        var sourceLink = page.Locator(".source a[data-print-url]");
        Assert.Equal("none", await AfterContentAsync(sourceLink));

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });

        foreach (var chrome in new[] { ".site-nav", ".site-account", "form[role=search]", ".site-search", ".site-footer", ".comment-post", "form.comment-form", ".post-footer", ".skip-link" })
        {
            foreach (var element in await page.Locator(chrome).AllAsync())
            {
                await Assertions.Expect(element).ToBeHiddenAsync();
            }
        }

        Assert.Equal(1, await page.Locator("form.comment-form:has(#comment-text)").CountAsync()); // it is there, only not printed
        await Assertions.Expect(page.Locator("h1.title")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("blockquote.quote")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".comment-list")).ToBeVisibleAsync();
        Assert.Equal($"\" <{SeedSourceUrl}>\"", await AfterContentAsync(sourceLink));
        Assert.Equal("rgb(255, 255, 255)", await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor")); // paper, even for a dark-scheme reader
        await BrowserSite.ScreenshotAsync(page, "post-print");
    }

    [Fact]
    public async Task Image_ReservesItsSpaceBeforeLoading_AndNeverOverflowsTheColumn()
    {
        var path = await Site.Browser.Site.InScopeAsync(async sp =>
        {
            var contentManager = sp.GetRequiredService<IContentManager>();
            var item = TestPosts.New(contentManager, "Pictured Post");
            item.Alter<AnalysisPart>(p => p.Markdown = "A chart:\n\n![Cargo through Klaipeda, 2019 to 2020](https://images.example.org/cargo.svg){width=1600 height=900}\n\nAs it shows.");
            await contentManager.PublishAsync(item);
            return "/" + item.As<AutoroutePart>()!.Path;
        });
        var page = await Site.ReaderPageAsync();
        // The image answers only when the test says so: first the page is measured with it still on its way.
        var release = new TaskCompletionSource();
        await page.RouteAsync("https://images.example.org/**", async route =>
        {
            await release.Task;
            await route.FulfillAsync(new RouteFulfillOptions
            {
                ContentType = "image/svg+xml",
                Body = """<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900"><rect width="1600" height="900" fill="#88a"/></svg>""",
            });
        });
        await page.GotoAsync(path);
        var image = page.Locator(".analysis img");
        await Assertions.Expect(image).ToHaveAttributeAsync("loading", "lazy");
        await Assertions.Expect(image).ToHaveAttributeAsync("decoding", "async");

        var pending = await BoxAsync(image);
        release.SetResult();
        await page.WaitForFunctionAsync("() => document.querySelector('.analysis img').complete");
        var loaded = await BoxAsync(image);

        var column = await page.EvaluateAsync<double>("() => document.querySelector('.analysis').clientWidth");
        Assert.True(pending.Width > 100 && pending.Width <= column + 0.5, $"Before loading the image is {pending.Width}px wide in a {column}px column.");
        Assert.Equal(pending.Width * 900 / 1600, pending.Height, 1.5);
        Assert.Equal(pending.Width, loaded.Width, 0.5);
        Assert.Equal(pending.Height, loaded.Height, 0.5);
    }

    private async Task<BodyColours> BodyColoursAsync(string path, bool admin, ColorScheme scheme)
    {
        var page = admin ? await Site.EditorPageAsync(scheme) : await Site.ReaderPageAsync(scheme);
        await page.GotoAsync(path);
        return await page.EvaluateAsync<BodyColours>(BodyColoursScript);
    }

    private static Task<string> AfterContentAsync(ILocator element)
        => element.EvaluateAsync<string>("e => getComputedStyle(e, '::after').content");

    private static async Task<LocatorBoundingBoxResult> BoxAsync(ILocator element)
        => await element.BoundingBoxAsync() ?? throw new InvalidOperationException("The image has no box.");

    private sealed class BodyColours
    {
        public string Background { get; set; } = "";

        public string Text { get; set; } = "";

        public double BackgroundLuminance { get; set; }

        public double Contrast { get; set; }
    }
}
