using Microsoft.Playwright;
using Site.Tests.Modules.Comments;
using Site.Tests.Infrastructure;

namespace Site.BrowserTests;

/// <summary>
/// Member-only comments in a real browser: a reader sees the note and no form; a member signs in from
/// the thread, comments and sees it waiting; a moderator approves it; the reader then sees it.
/// </summary>
public sealed class CommentsFlowTests(BrowserSite browser) : IClassFixture<BrowserSite>
{
    private const string PostPath = "/2020/09/11/sochi-meeting";

    [Fact]
    public async Task Reader_Member_Moderator_CommentFlow()
    {
        var applied = await CommentsSite.ApplyRecipeAsync(browser.Site, "MemberOnlyComments");
        Assert.True(applied.Succeeded, string.Join(" ", applied.Errors));
        await Accounts.EnsureUserAsync(browser.Site, "browser-member", "Member");
        await Accounts.EnsureUserAsync(browser.Site, "browser-moderator", "Moderator");

        // A reader: the thread as on the seed page, the note, a way to sign in, no form.
        var reader = await browser.NewPageAsync();
        await reader.GotoAsync(PostPath);
        var thread = reader.Locator("#comments");
        await Assertions.Expect(thread.Locator("h2")).ToHaveTextAsync("No comments:");
        await Assertions.Expect(thread.Locator(".comment-post h3")).ToHaveTextAsync("Post a Comment");
        await Assertions.Expect(thread.Locator(".comment-policy")).ToHaveTextAsync("Note: Only a member of this blog may post a comment.");
        await Assertions.Expect(thread.Locator("textarea")).ToHaveCountAsync(0);
        await BrowserSite.ScreenshotAsync(reader, "comments-reader-before");
        await ThreadScreenshotAsync(reader, "comments-thread-reader-before");

        // A member signs in from the thread, comes back to the post, and comments.
        var member = await browser.NewPageAsync();
        await member.GotoAsync(PostPath);
        await member.ClickAsync(".comment-signin a:text('Sign in')");
        await SignInAsync(member, "browser-member");
        await BrowserSite.WaitForAddressAsync(member, "**" + PostPath);
        await member.FillAsync("#comment-text", "Belarus will *not* be free **soon**; see [the analysis](https://example.org/analysis).");
        await member.ClickAsync("form.comment-form button[type=submit]");
        await Assertions.Expect(member.Locator(".comments .notice-success")).ToContainTextAsync("awaiting moderation");
        var mine = member.Locator(".comment-pending");
        await Assertions.Expect(mine.Locator(".comment-status")).ToContainTextAsync("Awaiting moderation");
        await Assertions.Expect(mine.Locator(".comment-text strong")).ToHaveTextAsync("soon");
        await Assertions.Expect(mine.Locator(".comment-text a")).ToHaveAttributeAsync("rel", "nofollow ugc");
        await BrowserSite.ScreenshotAsync(member, "comments-member-pending");
        await ThreadScreenshotAsync(member, "comments-thread-member-pending");

        // The reader still sees nothing new: the comment waits.
        await reader.ReloadAsync();
        await Assertions.Expect(reader.Locator("#comments h2")).ToHaveTextAsync("No comments:");

        // A moderator approves it from the queue.
        var moderator = await browser.NewPageAsync();
        await moderator.GotoAsync("/admin/comments");
        await SignInAsync(moderator, "browser-moderator");
        await BrowserSite.WaitForAddressAsync(moderator, "**/admin/comments");
        var row = moderator.Locator("tbody tr", new PageLocatorOptions { HasText = "browser-member" });
        await row.Locator("input[type=checkbox]").CheckAsync();
        await BrowserSite.ScreenshotAsync(moderator, "comments-moderation-queue");
        await moderator.ClickAsync("button[value=approve]");
        await Assertions.Expect(moderator.Locator(".notice-success")).ToHaveTextAsync("1 comment approved.");

        // The reader now sees it, with the count, at once.
        await reader.ReloadAsync();
        await Assertions.Expect(reader.Locator("#comments h2")).ToHaveTextAsync("1 comment:");
        await Assertions.Expect(reader.Locator(".comment .comment-author")).ToHaveTextAsync("browser-member");
        await Assertions.Expect(reader.Locator(".comment .comment-text strong")).ToHaveTextAsync("soon");
        await BrowserSite.ScreenshotAsync(reader, "comments-reader-after");
        await ThreadScreenshotAsync(reader, "comments-thread-reader-after");
        await reader.GotoAsync("/");
        await Assertions.Expect(reader.Locator("a.comment-count")).ToHaveTextAsync("1 comment");
        await reader.Locator(".post-footer").First.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(BrowserSite.ScreenshotFolder, "comments-home-count.png") });
    }

    /// <summary>The thread alone: the full page is mostly the quoted article.</summary>
    private static Task ThreadScreenshotAsync(IPage page, string name)
        => page.Locator("#comments").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(BrowserSite.ScreenshotFolder, name + ".png") });

    private static async Task SignInAsync(IPage page, string userName)
    {
        await BrowserSite.WaitForAddressAsync(page, "**/login**");
        await page.FillAsync("form:has(input[type=password]) input[name=UserName]", userName);
        await page.FillAsync("input[type=password]", Accounts.Password);
        await page.ClickAsync("form:has(input[type=password]) button[type=submit]");
    }
}
