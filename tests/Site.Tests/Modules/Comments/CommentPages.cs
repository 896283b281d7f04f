using System.Net;
using AngleSharp.Dom;
using Cms.Content;
using Cms.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modules.Comments.Models;
using Modules.Contents.Models;
using Site.Tests.Infrastructure;

namespace Site.Tests.Modules.Comments;

/// <summary>What readers and members do on a post page, through real HTTP with the page's own antiforgery token.</summary>
public static class CommentPages
{
    public sealed record Post(string Id, string Path);

    /// <summary>A new published post; each test comments on its own.</summary>
    public static Task<Post> NewPostAsync(SiteFactory site, string? title = null, DateTime? publishedUtc = null) => site.InScopeAsync(async sp =>
    {
        var contentManager = sp.GetRequiredService<IContentManager>();
        var item = await contentManager.PublishAsync(TestPosts.New(contentManager, title ?? "Post " + Guid.NewGuid().ToString("N")[..8], publishedUtc));
        return new Post(item.ContentItemId, "/" + item.As<AutoroutePart>()!.Path);
    });

    /// <summary>A new user holding the roles, signed in.</summary>
    public static async Task<HttpClient> SignedInAsync(SiteFactory site, string prefix, params string[] roles)
    {
        var name = $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";
        await Accounts.EnsureUserAsync(site, name, roles);
        return await Accounts.SignedInClientAsync(site, name);
    }

    public static async Task<(HttpClient Client, string UserName)> NamedMemberAsync(SiteFactory site, string prefix = "member")
    {
        var name = $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";
        await Accounts.EnsureUserAsync(site, name, "Member");
        return (await Accounts.SignedInClientAsync(site, name), name);
    }

    /// <summary>Opens the post and posts the comment form (or a reply to <paramref name="parentId"/>) as a browser would.</summary>
    public static async Task<HttpResponseMessage> CommentAsync(HttpClient client, Post post, string text, long? parentId = null)
    {
        var (_, page) = await Html.GetAsync(client, post.Path);
        var fields = new Dictionary<string, string>
        {
            ["Text"] = text,
            ["__RequestVerificationToken"] = Html.AntiforgeryToken(page),
        };
        if (parentId is { } parent)
        {
            fields["ParentId"] = parent.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return await client.PostAsync($"/comments/{post.Id}", new FormUrlEncodedContent(fields));
    }

    /// <summary>Posts a comment that must be stored; returns it as stored.</summary>
    public static async Task<Comment> CommentOkAsync(SiteFactory site, HttpClient client, Post post, string text, long? parentId = null)
    {
        var response = await CommentAsync(client, post, text, parentId);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"posting answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var id = long.Parse(response.Headers.Location!.OriginalString.Split("#comment-")[1], System.Globalization.CultureInfo.InvariantCulture);
        return (await FindAsync(site, id))!;
    }

    /// <summary>Posts a form of the page at <paramref name="pageUrl"/> (its first antiforgery token) to <paramref name="action"/>.</summary>
    public static Task<HttpResponseMessage> SubmitAsync(HttpClient client, string pageUrl, string action, params (string Name, string Value)[] fields)
        => Accounts.PostFormAsync(client, pageUrl, action, fields.ToDictionary(f => f.Name, f => f.Value));

    public static Task<List<Comment>> CommentsOnAsync(SiteFactory site, Post post) => site.InScopeAsync(sp =>
        sp.GetRequiredService<CmsDbContext>().Set<Comment>().AsNoTracking().Where(c => c.ContentItemId == post.Id).OrderBy(c => c.Id).ToListAsync());

    public static Task<Comment?> FindAsync(SiteFactory site, long id) => site.InScopeAsync(sp =>
        sp.GetRequiredService<CmsDbContext>().Set<Comment>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id));

    /// <summary>Sets a comment's status directly, as a moderator's decision already taken.</summary>
    public static Task SetStatusAsync(SiteFactory site, long id, CommentStatus status) => site.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<CmsDbContext>();
        var comment = await db.Set<Comment>().FirstAsync(c => c.Id == id);
        comment.Status = status;
        await db.SaveChangesAsync();
    });

    public static async Task<IDocument> DocumentAsync(HttpResponseMessage response) => Html.Parse(await response.Content.ReadAsStringAsync());

    /// <summary>The text of the refusal message on a comment page.</summary>
    public static string Alert(IDocument page) => page.QuerySelector("[role=alert]")?.TextContent.Trim() ?? "";
}
