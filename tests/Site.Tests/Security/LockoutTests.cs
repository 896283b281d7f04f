using System.Net;
using Site.Tests.Infrastructure;
using Site.Tests.Modules.Users;

namespace Site.Tests.Security;

/// <summary>The default sign-in limits with windows of five seconds (two were turned over by one slow sign-in on a busy machine), so a test can wait one out.</summary>
public sealed class ShortWindowSite : SecuritySite
{
    public ShortWindowSite()
    {
        Settings["RateLimits:SignIn:Window"] = "00:00:05";
        Settings["RateLimits:SignIn:AccountWindow"] = "00:00:05";
    }

    protected override bool DefaultRateLimits => true;
}

/// <summary>
/// Issue 10, point 6: failed sign-ins from unknown addresses cannot keep an account shut for longer than the
/// limiter's window: there is no lockout to trigger, only the window to wait out.
/// </summary>
public sealed class LockoutTests(ShortWindowSite site) : IClassFixture<ShortWindowSite>
{
    [Fact]
    public async Task StrangersFailingOnPurpose_ShutTheAccountOnlyForTheWindow()
    {
        // Guess from ever new addresses until the account's limit answers (a window may turn over meanwhile).
        var guesses = 0;
        while ((await Browser.SignInAsync(site.ClientFor(peer: $"192.0.2.{guesses + 1}"), SiteFactory.AdminUserName, "a wrong guess")).StatusCode != HttpStatusCode.TooManyRequests)
        {
            Assert.True(++guesses < 50, "the account's limit never answered");
        }

        var during = await Browser.SignInAsync(site.ClientFor(peer: "198.51.100.50"), SiteFactory.AdminUserName, SiteFactory.AdminPassword);
        await Task.Delay(TimeSpan.FromSeconds(5.5));
        var after = await Browser.SignInAsync(site.ClientFor(peer: "198.51.100.50"), SiteFactory.AdminUserName, SiteFactory.AdminPassword);

        Assert.Equal(HttpStatusCode.TooManyRequests, during.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        var admin = await Browser.FindUserAsync(site, SiteFactory.AdminUserName);
        Assert.Null(admin!.LockoutEnd);
    }
}
