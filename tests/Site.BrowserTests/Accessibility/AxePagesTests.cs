using Microsoft.Playwright;

namespace Site.BrowserTests.Accessibility;

/// <summary>
/// axe-core finds no serious or critical WCAG A/AA violation on the reader's pages, in the light and the
/// dark scheme (contrast is checked in both), nor in the admin's editor and list, nor in the administrator's
/// features, site settings and content definitions pages. A new page is one line.
/// </summary>
[Collection(ReadersCollection.Name)]
public sealed class AxePagesTests(ReadersSite site) : ReadersTest(site)
{
    private static readonly string[] s_publicPaths =
    [
        "/",
        ReadersSite.SeedPostPath, // approved comments, a reply, and the note "Only a member of this blog may post a comment."
        "/archive",
        "/archive/2020/09",
        "/login",
        "/search?q=Lukashenko",
        "/search?q=nothing-is-found-for-this",
        "/tags",
        "/tags/belarus",
        "/api/docs", // the Content API's reference page
    ];

    // "{seed}" is the seed post's content item id, known once the site is up.
    private static readonly string[] s_adminPaths =
    [
        "/admin/contents/new/NewsCommentary",
        "/admin/contents/{seed}/edit",
        "/admin/contents",
        "/admin/contents/{seed}/history",
        "/admin",
        "/account/tokens", // the signed-in user's API tokens
    ];

    // Pages only an administrator opens (ManageFeatures, ManageSettings, ManageContentTypes).
    private static readonly string[] s_administratorPaths =
    [
        "/admin/features",
        "/admin/settings/site",
        "/admin/content-types",
        "/admin/content-types/NewsCommentary",
    ];

    public static TheoryData<string, ColorScheme> PublicPages => InBothSchemes(s_publicPaths);

    public static TheoryData<string, ColorScheme> AdminPages => InBothSchemes(s_adminPaths);

    public static TheoryData<string, ColorScheme> AdministratorPages => InBothSchemes(s_administratorPaths);

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task PublicPage_HasNoSeriousViolations_ForAnonymousReaders(string path, ColorScheme scheme)
    {
        var page = await Site.ReaderPageAsync(scheme);
        await page.GotoAsync(path);

        await Axe.AssertNoSeriousViolationsAsync(page);
    }

    [Fact]
    public async Task PostPage_ShowsTheMemberNote_ToAnonymousReaders()
    {
        var page = await Site.ReaderPageAsync();
        await page.GotoAsync(ReadersSite.SeedPostPath);

        await Assertions.Expect(page.Locator(".comment-policy")).ToHaveTextAsync("Note: Only a member of this blog may post a comment.");
        await Assertions.Expect(page.Locator(".comment .comment-text").First).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task PostPage_HasNoSeriousViolations_WithTheCommentFormShownToAMember(ColorScheme scheme)
    {
        var page = await Site.MemberPageAsync(scheme);
        await page.GotoAsync(ReadersSite.SeedPostPath);
        await Assertions.Expect(page.Locator("#comment-text")).ToBeVisibleAsync();
        // The reply forms sit in closed <details>: open one so its fields are checked too.
        await page.Locator(".comment-reply > summary").First.ClickAsync();

        await Axe.AssertNoSeriousViolationsAsync(page);
    }

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task AdminPage_HasNoSeriousViolations_ForAnEditor(string path, ColorScheme scheme)
    {
        var page = await Site.EditorPageAsync(scheme);
        await page.GotoAsync(path.Replace("{seed}", Site.SeedPostId, StringComparison.Ordinal));
        var editors = page.Locator("textarea[data-markdown-editor]");
        if (await editors.CountAsync() > 0)
        {
            // The live preview has answered, so its content is checked as well.
            await editors.First.FillAsync("Some **quoted** words.\n\n## A subhead");
            await Assertions.Expect(page.Locator(".markdown-preview").First.Locator("strong")).ToHaveTextAsync("quoted");
        }

        await Axe.AssertNoSeriousViolationsAsync(page);
    }

    [Theory]
    [MemberData(nameof(AdministratorPages))]
    public async Task AdministratorPage_HasNoSeriousViolations(string path, ColorScheme scheme)
    {
        var page = await Site.AdministratorPageAsync(scheme);
        var response = await page.GotoAsync(path);
        Assert.Equal(200, response!.Status);

        await Axe.AssertNoSeriousViolationsAsync(page);
    }

    private static TheoryData<string, ColorScheme> InBothSchemes(IEnumerable<string> paths)
    {
        var data = new TheoryData<string, ColorScheme>();
        foreach (var path in paths)
        {
            data.Add(path, ColorScheme.Light);
            data.Add(path, ColorScheme.Dark);
        }

        return data;
    }
}
