using System.Net;
using System.Text.RegularExpressions;
using Cms.Content;
using Microsoft.Extensions.DependencyInjection;
using Modules.NewsCommentary.Models;
using Site.Tests.Modules.Comments;
using Site.Tests.Infrastructure;
using static Site.Tests.Modules.Comments.Members;

namespace Site.Tests.Security;

/// <summary>
/// Issue 10, point 1: every absolute URL the site writes comes from its configured public address,
/// and a request for another host name is refused before anything is rendered, cached or mailed.
/// </summary>
public sealed partial class PublicAddressTests(SecuritySite site) : IClassFixture<SecuritySite>
{
    private const string SeedPath = "/2020/09/11/sochi-meeting";
    private const string Forged = "https://evil.example";

    public static readonly TheoryData<string> PublicPaths = new()
    {
        "/", "/?page=1", SeedPath, "/archive", "/tags", "/rss.xml", "/atom.xml", "/sitemap.xml", "/robots.txt",
        "/login", "/account/forgot-password", "/register", "/search?q=sochi", "/admin", "/no-such-page",
    };

    [Fact]
    public async Task ForgotPassword_WithForgedHost_IsRefused_AndMailsNothing()
    {
        var forged = site.ClientFor(Forged);

        var page = await forged.GetAsync("/account/forgot-password");
        var post = await forged.PostAsync("/account/forgot-password", Form(("Email", "admin@example.com")));

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.DoesNotContain("evil.example", await post.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(MailTo(site, "admin@example.com"), m => (m.TextBody ?? "").Contains("evil.example", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ForgotPassword_FromAnotherHostTheSiteAnswers_MailsALinkToTheConfiguredHostOnly()
    {
        var user = await Accounts.EnsureUserAsync(site, "resetter");
        var alias = site.ClientFor(SecuritySite.Alias);
        var before = MailTo(site, "resetter@example.org").Count;

        var response = await Accounts.PostFormAsync(alias, "/account/forgot-password", "/account/forgot-password", new Dictionary<string, string> { ["Email"] = "resetter@example.org" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var mail = MailTo(site, "resetter@example.org");
        Assert.Equal(before + 1, mail.Count);
        var body = mail[^1].TextBody ?? "";
        var link = Assert.Single(AbsoluteUrls().Matches(body)).Value;
        Assert.StartsWith($"{SecuritySite.Origin}/account/reset-password?userId={user}&token=", link, StringComparison.Ordinal);
        Assert.DoesNotContain("alias.example", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await site.ClientFor().GetAsync(new Uri(link).PathAndQuery)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(PublicPaths))]
    public async Task ForgedHost_Gets400_WithoutTheHostInTheAnswer(string path)
    {
        var response = await site.ClientFor(Forged).GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Bad request: this site does not answer to that host name.", await response.Content.ReadAsStringAsync());
        Assert.Null(response.Headers.Location);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task EveryAbsoluteUrl_OnPagesFeedsSitemapAndRobots_IsTheConfiguredAddress_WhicheverHostWasAsked()
    {
        var alias = site.ClientFor(SecuritySite.Alias);
        var post = await CommentPages.NewPostAsync(site, "Address Test Post", DateTime.UtcNow);
        await site.InScopeAsync(sp => TagPost(sp, post.Id));

        var pages = new Dictionary<string, string>();
        foreach (var path in new[] { post.Path, "/rss.xml", "/atom.xml", "/tags/addresses/rss.xml", "/tags/addresses/atom.xml", "/sitemap.xml", "/robots.txt", $"/comments/{post.Id}/rss.xml" })
        {
            var response = await alias.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}");
            pages[path] = await response.Content.ReadAsStringAsync();
        }

        foreach (var (path, text) in pages)
        {
            Assert.DoesNotContain("alias.example", text, StringComparison.Ordinal);
            Assert.Contains(SecuritySite.Origin + "/", text, StringComparison.Ordinal);
        }

        var page = Html.Parse(pages[post.Path]);
        var url = SecuritySite.Origin + post.Path;
        Assert.Equal(url, page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal(url, page.QuerySelector("meta[property='og:url']")!.GetAttribute("content"));
        Assert.Contains($"\"url\":\"{url}\"", page.QuerySelector("script[type='application/ld+json']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains($"Sitemap: {SecuritySite.Origin}/sitemap.xml", pages["/robots.txt"], StringComparison.Ordinal);
        Assert.Contains($"<loc>{url}</loc>", pages["/sitemap.xml"], StringComparison.Ordinal);
        Assert.Contains($"<link>{url}</link>", pages["/rss.xml"], StringComparison.Ordinal);
        Assert.Contains($"href=\"{url}\"", pages["/atom.xml"], StringComparison.Ordinal);
        Assert.Contains($"<link>{url}", pages[$"/comments/{post.Id}/rss.xml"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task CachedPages_NeverCarryAForgedHost()
    {
        var reader = site.ClientFor();
        var paths = new[] { "/", SeedPath, "/rss.xml", "/atom.xml", "/sitemap.xml", "/robots.txt" };
        var first = new Dictionary<string, string>();
        foreach (var path in paths)
        {
            first[path] = await reader.GetStringAsync(path);
        }

        foreach (var path in paths)
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await site.ClientFor(Forged).GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, (await site.ClientFor("https://news.example.evil.example").GetAsync(path)).StatusCode);
        }

        site.Queries.Reset();
        foreach (var path in paths)
        {
            var again = await reader.GetAsync(path);
            var text = await again.Content.ReadAsStringAsync();
            Assert.Equal(first[path], text);
            Assert.DoesNotContain("evil", text, StringComparison.Ordinal);
            Assert.NotNull(again.Headers.Age);
        }

        Assert.Equal(0, site.Queries.Count);
    }

    [Fact]
    public async Task PlainHttp_IsSentToTheConfiguredHttpsAddress_NotToTheHostAsked()
    {
        var plain = await site.ClientFor("http://news.example").GetAsync("/tags?page=2");
        var alias = await site.ClientFor("http://alias.example").GetAsync("/archive");

        Assert.Equal(HttpStatusCode.PermanentRedirect, plain.StatusCode);
        Assert.Equal($"{SecuritySite.Origin}/tags?page=2", plain.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.PermanentRedirect, alias.StatusCode);
        Assert.Equal($"{SecuritySite.Origin}/archive", alias.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task SignInRedirect_GoesToTheConfiguredAddress_NotToTheHostAsked()
    {
        var response = await site.ClientFor(SecuritySite.Alias).GetAsync("/admin");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{SecuritySite.Origin}/login?ReturnUrl=%2Fadmin", response.Headers.Location!.OriginalString);
    }

    private static async Task TagPost(IServiceProvider sp, string id)
    {
        var contentManager = sp.GetRequiredService<IContentManager>();
        var item = (await contentManager.GetAsync(id, VersionOptions.Latest))!;
        item.Alter<TagsPart>(p => p.Tags = ["Addresses"]);
        await contentManager.PublishAsync(item);
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex AbsoluteUrls();
}
