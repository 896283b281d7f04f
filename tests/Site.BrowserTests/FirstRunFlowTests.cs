using Microsoft.Playwright;
using Site.BrowserTests.Accessibility;
using Site.Tests.Infrastructure;

namespace Site.BrowserTests;

/// <summary>A site nobody has set up yet, in the browser: what a newcomer sees first.</summary>
public sealed class FirstRunBrowserSite() : BrowserSite(new UnsetSiteFactory())
{
    protected override bool IsSetUp => false;
}

/// <summary>
/// The newcomer's first minutes: the setup screen, then signed in on the dashboard, told the site is
/// ready, one click from the site and from their first post.
/// </summary>
public sealed class FirstRunFlowTests(FirstRunBrowserSite browser) : IClassFixture<FirstRunBrowserSite>
{
    [Fact]
    public async Task Setup_EndsSignedInOnTheDashboard_SayingTheSiteIsReady()
    {
        var page = await browser.NewPageAsync();

        await page.GotoAsync("/");
        await BrowserSite.WaitForAddressAsync(page, "**/setup");
        await Axe.AssertNoSeriousViolationsAsync(page);
        await page.FillAsync("[name='Request.SiteName']", "First Run Gazette");
        await page.FillAsync("[name='Request.AdminUserName']", "newcomer");
        await page.FillAsync("[name='Request.AdminEmail']", "newcomer@example.org");
        await page.FillAsync("[name='Request.AdminPassword']", Accounts.Password);
        await page.FillAsync("[name='Request.PasswordConfirmation']", Accounts.Password);
        await BrowserSite.ScreenshotAsync(page, "setup");
        await page.ClickAsync("form button[type=submit]");

        await BrowserSite.WaitForAddressAsync(page, "**/admin");
        var ready = page.Locator("main .notice-success");
        await Assertions.Expect(ready).ToContainTextAsync("Your site “First Run Gazette” is ready, and you are signed in as newcomer.");
        await Assertions.Expect(page.Locator(".admin-user")).ToContainTextAsync("newcomer");
        await Axe.AssertNoSeriousViolationsAsync(page);
        await BrowserSite.ScreenshotAsync(page, "setup-ready");

        await ready.Locator("a:text('Write your first post')").ClickAsync();
        await BrowserSite.WaitForAddressAsync(page, "**/admin/contents/new/NewsCommentary");
        await Assertions.Expect(page.Locator("[name='TitlePart.Title']")).ToBeVisibleAsync();

        await page.GoBackAsync();
        await Assertions.Expect(page.Locator("main .notice-success")).ToHaveCountAsync(0);
        await page.Locator("a.view-site").ClickAsync();
        await Assertions.Expect(page.Locator("article .title a:text('Sochi Meeting')")).ToBeVisibleAsync();
    }
}
