using System.Net;
using Modules.Comments.Models;
using Site.Tests.Infrastructure;
using static Site.Tests.Modules.Comments.CommentPages;

namespace Site.Tests.Modules.Comments;

/// <summary>Readers without PostComments: they see the thread and the note, never the form, and cannot post.</summary>
public sealed class ReaderTests(CommentsSite site) : IClassFixture<CommentsSite>
{
    private const string Note = "Note: Only a member of this blog may post a comment.";

    [Fact]
    public async Task SeedPost_ShowsNoComments_PostAComment_AndTheNote_ToAnonymousReaders()
    {
        await site.SettingsAsync();

        var (_, page) = await Html.GetAsync(site.CreateReader(), "/2020/09/11/sochi-meeting");

        var thread = page.QuerySelector("#comments")!;
        Assert.Equal("No comments:", thread.QuerySelector("h2")!.TextContent.Trim());
        Assert.Equal("Post a Comment", thread.QuerySelector(".comment-post h3")!.TextContent.Trim());
        Assert.Equal(Note, thread.QuerySelector(".comment-policy")!.TextContent.Trim());
        Assert.Equal("/login?ReturnUrl=%2F2020%2F09%2F11%2Fsochi-meeting", thread.QuerySelector(".comment-signin a")!.GetAttribute("href"));
        Assert.Null(page.QuerySelector("form.comment-form"));
        Assert.Null(page.QuerySelector("textarea"));
    }

    [Fact]
    public async Task AnonymousAndNonMembers_SeeTheThread_ButNoForm()
    {
        await site.SettingsAsync(s => s.Moderation = "None");
        var post = await NewPostAsync(site);
        var (member, memberName) = await NamedMemberAsync(site);
        await CommentOkAsync(site, member, post, "The first word.");
        var nonMember = await SignedInAsync(site, "reader");

        foreach (var client in new[] { site.CreateReader(), nonMember })
        {
            var (_, page) = await Html.GetAsync(client, post.Path);

            Assert.Equal("1 comment:", page.QuerySelector("#comments h2")!.TextContent.Trim());
            Assert.Equal(memberName, page.QuerySelector(".comment .comment-author")!.TextContent.Trim());
            Assert.Equal("The first word.", page.QuerySelector(".comment .comment-text")!.TextContent.Trim());
            Assert.Equal(Note, page.QuerySelector(".comment-policy")!.TextContent.Trim());
            Assert.Null(page.QuerySelector("form.comment-form"));
            Assert.Null(page.QuerySelector(".comment-reply"));
        }

        // Only the visitor is offered a way to sign in; the signed-in non-member already is.
        Assert.NotNull((await Html.GetAsync(site.CreateReader(), post.Path)).Document.QuerySelector(".comment-signin a[href^='/login']"));
        Assert.Null((await Html.GetAsync(nonMember, post.Path)).Document.QuerySelector(".comment-signin a[href^='/login']"));
    }

    [Fact]
    public async Task PostPageWithItsThread_IsServedToVisitorsFromTheCache()
    {
        await site.SettingsAsync(s => s.Moderation = "None");
        var post = await NewPostAsync(site);
        var (member, _) = await NamedMemberAsync(site);
        await CommentOkAsync(site, member, post, "Cache me.");
        var reader = site.CreateReader();
        await reader.GetStringAsync(post.Path);
        site.Queries.Reset();

        var again = await reader.GetAsync(post.Path);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(0, site.Queries.Count);
        Assert.Contains("Cache me.", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommentPost_FromAnonymousReader_IsSentToSignIn_AndStoresNothing()
    {
        await site.SettingsAsync();
        var post = await NewPostAsync(site);
        var before = await DatabaseFingerprint.TakeAsync(site);

        var response = await site.CreateReader().PostAsync($"/comments/{post.Id}", new FormUrlEncodedContent(new Dictionary<string, string> { ["Text"] = "Let me in." }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/login?ReturnUrl=" + Uri.EscapeDataString(post.Path), response.Headers.Location!.PathAndQuery);
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(site));
    }

    [Fact]
    public async Task CommentPost_FromSignedInNonMember_Gets403WithTheNote_AndStoresNothing()
    {
        await site.SettingsAsync();
        var post = await NewPostAsync(site);
        var reader = await SignedInAsync(site, "outsider");
        var token = Html.AntiforgeryToken((await Html.GetAsync(reader, "/")).Document);
        var before = await DatabaseFingerprint.TakeAsync(site);

        var response = await reader.PostAsync($"/comments/{post.Id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Text"] = "May I?",
            ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Only a member of this blog may post a comment.", Alert(await DocumentAsync(response)));
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(site));
    }

    [Fact]
    public async Task Counts_ReadNoComments_OneComment_NComments_OnHomeAndPost()
    {
        await site.SettingsAsync(s => s.Moderation = "None");
        var post = await NewPostAsync(site, "Counted " + Guid.NewGuid().ToString("N")[..6], DateTime.UtcNow.AddMinutes(1));
        var reader = site.CreateReader();

        Assert.Equal("No comments", await HomeCountAsync(reader, post));
        Assert.Equal("No comments:", await PostCountAsync(reader, post));

        var (member, _) = await NamedMemberAsync(site);
        var first = await CommentOkAsync(site, member, post, "One.");
        Assert.Equal("1 comment", await HomeCountAsync(reader, post));
        Assert.Equal("1 comment:", await PostCountAsync(reader, post));

        var (other, _) = await NamedMemberAsync(site);
        await CommentOkAsync(site, other, post, "Two.", parentId: first.Id);
        var (third, _) = await NamedMemberAsync(site);
        var pending = await CommentOkAsync(site, third, post, "Three, with [a](https://a.example) [b](https://b.example) [c](https://c.example).");

        Assert.Equal(CommentStatus.Pending, pending.Status);
        Assert.Equal("2 comments", await HomeCountAsync(reader, post));
        Assert.Equal("2 comments:", await PostCountAsync(reader, post));
    }

    private static async Task<string> HomeCountAsync(HttpClient reader, Post post)
    {
        var (_, home) = await Html.GetAsync(reader, "/");
        var link = home.QuerySelector($".post-summary a.comment-count[href='{post.Path}#comments']");
        Assert.NotNull(link);
        return link.TextContent.Trim();
    }

    private static async Task<string> PostCountAsync(HttpClient reader, Post post)
        => (await Html.GetAsync(reader, post.Path)).Document.QuerySelector("#comments h2")!.TextContent.Trim();
}
