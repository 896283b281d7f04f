using System.Net;
using Cms.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Site.Tests.Infrastructure;
using Site.Tests.Modules.Users;
using static Site.Tests.Modules.Comments.CommentPages;
using static Site.Tests.Modules.Comments.Members;

namespace Site.Tests.Security;

/// <summary>The site with the rate limits' default numbers, behind a known proxy at 10.0.0.1.</summary>
public sealed class RateLimitSite : SecuritySite
{
    public const string Proxy = "10.0.0.1";

    public RateLimitSite() => Settings["Cms:ForwardedHeaders:KnownProxies"] = Proxy;

    protected override bool DefaultRateLimits => true;
}

/// <summary>
/// Issue 10, point 6: ASP.NET Core's rate limiter on sign-in, registration, forgot-password, invitations and
/// comments, by client address (the forwarded one only from a known proxy) and by target account; over the
/// limit a readable 429 page with Retry-After.
/// </summary>
public sealed class RateLimitTests(RateLimitSite site) : IClassFixture<RateLimitSite>
{
    private static int s_peer;

    [Fact]
    public async Task SignIn_FromOneAddress_StopsAfterTheLimit_With429_RetryAfter_AndAReadablePage()
    {
        var peer = NewPeer();
        var client = site.ClientFor(peer: peer);
        for (var i = 0; i < 20; i++)
        {
            var refused = await Browser.SignInAsync(client, Browser.NewName("nobody"), "wrong password");
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        }

        var limited = await Browser.SignInAsync(client, Browser.NewName("nobody"), "wrong password");
        var other = await Browser.SignInAsync(site.ClientFor(peer: NewPeer()), Browser.NewName("nobody"), "wrong password");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        var retryAfter = int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 300);
        var page = await Browser.PageAsync(limited);
        Assert.Equal("Too many requests", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.StartsWith("This form was sent too often in a short time, from your address or for this account. Wait ", page.QuerySelector(".error-page p")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task SignIn_ForOneAccount_StopsAfterTheLimit_FromAnyAddress()
    {
        var target = Browser.NewName("target");
        await Browser.CreateUserAsync(site, target, Accounts.Password);
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await Browser.SignInAsync(site.ClientFor(peer: NewPeer()), target, "wrong password")).StatusCode);
        }

        var rightPasswordElsewhere = await Browser.SignInAsync(site.ClientFor(peer: NewPeer()), target, Accounts.Password);
        var otherAccount = await Browser.SignInAsync(site.ClientFor(peer: NewPeer()), Browser.NewName("nobody"), "wrong password");

        Assert.Equal(HttpStatusCode.TooManyRequests, rightPasswordElsewhere.StatusCode);
        Assert.Equal(HttpStatusCode.OK, otherAccount.StatusCode);
        var user = await Browser.FindUserAsync(site, target);
        Assert.Null(user!.LockoutEnd);
        Assert.Equal(0, user.AccessFailedCount);
    }

    [Fact]
    public async Task ForgotPassword_ForOneAddress_MailsAtMostThreeLinksAnHour()
    {
        var name = Browser.NewName("forgetful");
        await Browser.CreateUserAsync(site, name, Accounts.Password);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            var client = site.ClientFor(peer: NewPeer());
            statuses.Add((await Accounts.PostFormAsync(client, "/account/forgot-password", "/account/forgot-password", new Dictionary<string, string> { ["Email"] = $"{name}@example.org" })).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(3, MailTo(site, $"{name}@example.org").Count);
    }

    [Fact]
    public async Task ForgotPassword_FromOneAddress_StopsAfterFive()
    {
        var client = site.ClientFor(peer: NewPeer());
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            statuses.Add((await Accounts.PostFormAsync(client, "/account/forgot-password", "/account/forgot-password", new Dictionary<string, string> { ["Email"] = $"{Guid.NewGuid():N}@example.org" })).StatusCode);
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 5), HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Registration_FromOneAddress_StopsAfterFive()
    {
        await site.SettingsAsync(registration: r => r.Mode = "Open");
        var peer = NewPeer();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            var client = site.ClientFor(peer: peer);
            var name = Browser.NewName("joiner");
            statuses.Add((await Accounts.PostFormAsync(client, "/register", "/register", new Dictionary<string, string>
            {
                ["UserName"] = name, ["Email"] = $"{name}@example.org", ["Password"] = Accounts.Password, ["ConfirmPassword"] = Accounts.Password,
            })).StatusCode);
        }

        Assert.NotEqual(HttpStatusCode.TooManyRequests, statuses[4]);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[5]);
    }

    [Fact]
    public async Task Invitations_ToOneAddress_StopAfterThreeADay()
    {
        await site.SettingsAsync();
        var admin = await site.SignedInAsync(SiteFactory.AdminUserName, SiteFactory.AdminPassword, NewPeer());
        var address = NewName("invitee") + "@example.org";
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await SubmitAsync(admin, "/admin/members/invitations", "/admin/members/invitations", ("Email", address))).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(3, MailTo(site, address).Count);
    }

    [Fact]
    public async Task Comments_ByOneMember_StopAfterSixAMinute_EvenWithoutTheSitesOwnLimit()
    {
        await site.SettingsAsync(s =>
        {
            s.Moderation = "None";
            s.RateLimitSeconds = 0;
        });
        var post = await NewPostAsync(site);
        var name = Browser.NewName("chatty");
        await Accounts.EnsureUserAsync(site, name, "Member");
        var member = await site.SignedInAsync(name, Accounts.Password, NewPeer());
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
        {
            statuses.Add((await CommentAsync(member, post, $"Comment number {i}.")).StatusCode);
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Redirect, 6), HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(6, (await CommentsOnAsync(site, post)).Count);
    }

    [Fact]
    public async Task ForwardedAddress_CountsOnlyWhenTheKnownProxySentIt()
    {
        // From the known proxy: each forwarded client is counted apart.
        var forwarded = NewPeer();
        var viaProxy = site.ClientFor(peer: RateLimitSite.Proxy);
        viaProxy.DefaultRequestHeaders.Add("X-Forwarded-For", forwarded);
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await Browser.SignInAsync(viaProxy, Browser.NewName("nobody"), "wrong")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await Browser.SignInAsync(viaProxy, Browser.NewName("nobody"), "wrong")).StatusCode);
        var otherClient = site.ClientFor(peer: RateLimitSite.Proxy);
        otherClient.DefaultRequestHeaders.Add("X-Forwarded-For", NewPeer());
        Assert.Equal(HttpStatusCode.OK, (await Browser.SignInAsync(otherClient, Browser.NewName("nobody"), "wrong")).StatusCode);

        // From anyone else the header is ignored: a new X-Forwarded-For each time does not reset the count.
        var stranger = NewPeer();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 21; i++)
        {
            var client = site.ClientFor(peer: stranger);
            client.DefaultRequestHeaders.Add("X-Forwarded-For", NewPeer());
            statuses.Add((await Browser.SignInAsync(client, Browser.NewName("nobody"), "wrong")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    private static string NewPeer()
    {
        var n = Interlocked.Increment(ref s_peer);
        return $"203.0.{n / 250}.{(n % 250) + 1}";
    }
}
