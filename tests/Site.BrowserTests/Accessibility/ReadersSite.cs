using Cms.Data;
using Cms.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Modules.Comments.Settings;
using Modules.Contents.Indexes;
using Site.Tests.Modules.Comments;
using Site.Tests.Infrastructure;

namespace Site.BrowserTests.Accessibility;

/// <summary>
/// One site and one browser for every accessibility and comfort test: member-only comments as the recipe
/// sets them, an approved comment with a reply on the seed post, and a member and an editor already signed
/// in (their cookies kept, so each test opens a signed-in page without going through the sign-in form).
/// </summary>
public sealed class ReadersSite : IAsyncLifetime
{
    public const string SeedPostPath = "/2020/09/11/sochi-meeting";
    public const string MemberName = "a11y-member";
    public const string EditorName = "a11y-editor";
    public const string AdministratorName = "a11y-admin";

    public BrowserSite Browser { get; } = new();

    public string SeedPostId { get; private set; } = "";

    private readonly List<IBrowserContext> _open = [];

    private string _memberState = "";
    private string _editorState = "";
    private string _administratorState = "";

    public async Task InitializeAsync()
    {
        await Browser.InitializeAsync();
        var site = Browser.Site;
        var applied = await CommentsSite.ApplyRecipeAsync(site, "MemberOnlyComments");
        Assert.True(applied.Succeeded, string.Join(" ", applied.Errors));
        await Accounts.EnsureUserAsync(site, MemberName, "Member");
        await Accounts.EnsureUserAsync(site, EditorName, "Editor");
        await Accounts.EnsureUserAsync(site, AdministratorName, "Administrator");

        // Comments appear at once and one after the other, so the thread has something to check.
        await site.InScopeAsync(sp => sp.GetRequiredService<ISiteService>().UpdateAsync(s => s.SetSection(CommentSettings.SectionName, new CommentSettings
        {
            PolicyNote = "Only a member of this blog may post a comment.",
            Moderation = nameof(ModerationMode.None),
            RateLimitSeconds = 0,
        })));
        SeedPostId = await site.InScopeAsync(sp => sp.GetRequiredService<CmsDbContext>().Set<AutoroutePartIndex>().AsNoTracking()
            .Where(i => i.Path == SeedPostPath.TrimStart('/') && i.Published).Select(i => i.ContentItemId).FirstAsync());
        _memberState = await SignedInStateAsync(MemberName);
        _editorState = await SignedInStateAsync(EditorName);
        _administratorState = await SignedInStateAsync(AdministratorName);

        // The member comments and replies in the browser, as readers will (the test HttpClient cannot reach Kestrel).
        var member = await MemberPageAsync();
        await member.GotoAsync(SeedPostPath);
        await member.FillAsync("#comment-text", "Minsk will *not* bend; see [the analysis](https://example.org/analysis).");
        await member.ClickAsync("form.comment-form:has(#comment-text) button[type=submit]");
        await Assertions.Expect(member.Locator(".comments .notice-success")).ToContainTextAsync("published");
        await member.Locator(".comment-reply > summary").First.ClickAsync();
        await member.Locator(".comment-reply textarea").First.FillAsync("A reply, to check the nested list.");
        await member.Locator(".comment-reply button[type=submit]").First.ClickAsync();
        await Assertions.Expect(member.Locator(".comment-replies .comment-text")).ToHaveTextAsync("A reply, to check the nested list.");
        await member.Context.CloseAsync();
    }

    public Task DisposeAsync() => Browser.DisposeAsync();

    public Task<IPage> ReaderPageAsync(ColorScheme colorScheme = ColorScheme.Light) => OpenAsync(colorScheme, null);

    public Task<IPage> MemberPageAsync(ColorScheme colorScheme = ColorScheme.Light) => OpenAsync(colorScheme, _memberState);

    public Task<IPage> EditorPageAsync(ColorScheme colorScheme = ColorScheme.Light) => OpenAsync(colorScheme, _editorState);

    public Task<IPage> AdministratorPageAsync(ColorScheme colorScheme = ColorScheme.Light) => OpenAsync(colorScheme, _administratorState);

    /// <summary>Closes the pages the last test opened: tests in the collection run one at a time, and open contexts cost memory.</summary>
    public async Task CloseOpenPagesAsync()
    {
        foreach (var context in _open)
        {
            await context.CloseAsync();
        }

        _open.Clear();
    }

    private async Task<IPage> OpenAsync(ColorScheme colorScheme, string? storageState)
    {
        var page = await Browser.NewPageAsync(colorScheme, storageState);
        _open.Add(page.Context);
        return page;
    }

    /// <summary>Signs in through the real form once and keeps the cookies as Playwright's storage state.</summary>
    private async Task<string> SignedInStateAsync(string userName)
    {
        var page = await Browser.NewPageAsync();
        await page.GotoAsync("/login");
        await page.FillAsync("input[name=UserName]", userName);
        await page.FillAsync("input[type=password]", Accounts.Password);
        await page.ClickAsync("form:has(input[type=password]) button[type=submit]");
        await BrowserSite.WaitForAddressAsync(page, url => !url.Contains("/login", StringComparison.Ordinal));
        var state = await page.Context.StorageStateAsync();
        await page.Context.CloseAsync();
        return state;
    }
}

/// <summary>A test of the Readers collection: the pages it opened are closed after it.</summary>
public abstract class ReadersTest(ReadersSite site) : IAsyncLifetime
{
    protected ReadersSite Site { get; } = site;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => Site.CloseOpenPagesAsync();
}

[CollectionDefinition(Name)]
public sealed class ReadersCollection : ICollectionFixture<ReadersSite>
{
    public const string Name = "Readers";
}
