using System.Net;
using Cms.Security;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Site.Tests.Infrastructure;
using Site.Tests.Modules.Comments;
using static Site.Tests.Modules.Comments.CommentPages;

namespace Site.Tests.Security;

/// <summary>
/// A member's next page reuses the request token made for the same antiforgery cookie and the same user
/// (<see cref="ReusingAntiforgery"/>), and the sign-in cookie's ticket once read (<see cref="RememberedTicketFormat"/>):
/// the reused token is accepted, and never handed to another user or kept past its time.
/// </summary>
public sealed class ReusedTokenTests(CommentsSite site) : IClassFixture<CommentsSite>
{
    private const string AntiforgeryCookie = "cms_af";
    private const string SignInCookie = "cms_auth";

    [Fact]
    public async Task AMember_IsHandedTheSameToken_OnTheNextPage_AndItIsAccepted()
    {
        await site.SettingsAsync(s => s.Moderation = "None");
        var post = await NewPostAsync(site);
        var (member, _) = await NamedMemberAsync(site);

        var first = await TokenAsync(member, post.Path);
        var second = await TokenAsync(member, post.Path);

        Assert.Equal(first, second);
        var response = await member.PostAsync($"/comments/{post.Id}", Members.Form(("Text", "Posted with a reused token."), ("__RequestVerificationToken", second)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task AnotherUser_WithTheSameAntiforgeryCookie_GetsAnotherToken_AndTheFirstUsersIsRefused()
    {
        await site.SettingsAsync(s => s.Moderation = "None");
        var post = await NewPostAsync(site);
        var first = new CookieJar(site);
        await first.SignInAsync(await MemberNameAsync());
        var second = new CookieJar(site);
        second.Cookies[AntiforgeryCookie] = first.Cookies[AntiforgeryCookie];
        await second.SignInAsync(await MemberNameAsync());
        Assert.Equal(first.Cookies[AntiforgeryCookie], second.Cookies[AntiforgeryCookie]);
        Assert.NotEqual(first.Cookies[SignInCookie], second.Cookies[SignInCookie]);

        var firstToken = await first.TokenAsync(post.Path);
        Assert.Equal(firstToken, await first.TokenAsync(post.Path));
        var secondToken = await second.TokenAsync(post.Path);

        Assert.NotEqual(firstToken, secondToken);
        var refused = await second.PostAsync($"/comments/{post.Id}", ("Text", "With the other member's token."), ("__RequestVerificationToken", firstToken));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var accepted = await second.PostAsync($"/comments/{post.Id}", ("Text", "With my own token."), ("__RequestVerificationToken", secondToken));
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
    }

    [Fact]
    public async Task AToken_IsKeptFiveMinutes_ThenANewOneIsMade_AndBothAreAccepted()
    {
        await site.SettingsAsync(s => s.Moderation = "None");
        var post = await NewPostAsync(site);
        var (member, _) = await NamedMemberAsync(site);
        var kept = await TokenAsync(member, post.Path);

        site.Clock.Advance(ReusingAntiforgery.Lifetime + TimeSpan.FromSeconds(1));
        var fresh = await TokenAsync(member, post.Path);

        Assert.NotEqual(kept, fresh);
        Assert.Equal(fresh, await TokenAsync(member, post.Path));
        foreach (var token in new[] { kept, fresh })
        {
            var response = await member.PostAsync($"/comments/{post.Id}", Members.Form(("Text", "Either token: " + token[..8]), ("__RequestVerificationToken", token)));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            site.Clock.Advance(TimeSpan.FromMinutes(1)); // past the comment rate limit
        }
    }

    [Fact]
    public async Task AReusedTokensPage_IsStillNeverStoredByACache()
    {
        var post = await NewPostAsync(site);
        var (member, _) = await NamedMemberAsync(site);
        await TokenAsync(member, post.Path);

        var response = await member.GetAsync(post.Path);

        Assert.True(response.Headers.CacheControl is { NoCache: true, NoStore: true }, $"Cache-Control: {response.Headers.CacheControl}");
        Assert.Contains("no-cache", response.Headers.Pragma.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TheSignInCookie_IsReadThroughTheRememberedFormat()
    {
        using var scope = site.Services.CreateScope();
        var options = scope.ServiceProvider.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        Assert.IsType<RememberedTicketFormat>(options.TicketDataFormat);
    }

    private async Task<string> MemberNameAsync()
    {
        var name = Members.NewName("reuse");
        await Accounts.EnsureUserAsync(site, name, "Member");
        return name;
    }

    private static async Task<string> TokenAsync(HttpClient client, string path)
    {
        var (_, page) = await Html.GetAsync(client, path);
        return Html.AntiforgeryToken(page);
    }

    /// <summary>A client whose cookies are kept here, so a test can give two users the same antiforgery cookie.</summary>
    private sealed class CookieJar(SiteFactory site)
    {
        private readonly HttpClient _client = site.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });

        public Dictionary<string, string> Cookies { get; } = [];

        public async Task SignInAsync(string userName)
        {
            var token = await TokenAsync("/login");
            var response = await PostAsync("/login", ("UserName", userName), ("Password", Accounts.Password), ("ReturnUrl", ""), ("__RequestVerificationToken", token));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        public async Task<string> TokenAsync(string path)
        {
            var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, path));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return Html.AntiforgeryToken(Html.Parse(await response.Content.ReadAsStringAsync()));
        }

        public Task<HttpResponseMessage> PostAsync(string path, params (string Name, string Value)[] fields)
            => SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = Members.Form(fields) });

        private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
        {
            if (Cookies.Count > 0)
            {
                request.Headers.Add("Cookie", string.Join("; ", Cookies.Select(c => $"{c.Key}={c.Value}")));
            }

            var response = await _client.SendAsync(request);
            foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
            {
                var pair = header.Split(';')[0];
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                Cookies[pair[..equals]] = pair[(equals + 1)..];
            }

            return response;
        }
    }
}
