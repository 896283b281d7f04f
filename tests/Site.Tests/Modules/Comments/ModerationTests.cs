using System.Net;
using Modules.Comments.Models;
using Site.Tests.Infrastructure;
using static Site.Tests.Modules.Comments.CommentPages;

namespace Site.Tests.Modules.Comments;

/// <summary>Approval modes, the moderation queue, closing a thread, and readers' cached pages following at once.</summary>
public sealed class ModerationTests(CommentsSite site) : IClassFixture<CommentsSite>
{
    [Theory]
    [InlineData("None", CommentStatus.Approved, CommentStatus.Approved)]
    [InlineData("FirstTime", CommentStatus.Pending, CommentStatus.Approved)]
    [InlineData("All", CommentStatus.Pending, CommentStatus.Pending)]
    public async Task ApprovalMode_DecidesWhatWaits(string mode, CommentStatus first, CommentStatus afterOneApproved)
    {
        await site.SettingsAsync(s => { s.Moderation = mode; s.RateLimitSeconds = 0; });
        var post = await NewPostAsync(site);
        var (member, _) = await NamedMemberAsync(site);

        var one = await CommentOkAsync(site, member, post, "My first comment here.");
        Assert.Equal(first, one.Status);
        await SetStatusAsync(site, one.Id, CommentStatus.Approved);
        var two = await CommentOkAsync(site, member, post, "My second.");

        Assert.Equal(afterOneApproved, two.Status);
    }

    [Fact]
    public async Task Moderators_CommentsAreApprovedAtOnce_WhateverTheMode()
    {
        await site.SettingsAsync(s => s.Moderation = "All");
        var post = await NewPostAsync(site);
        var moderator = await SignedInAsync(site, "moderator", "Moderator");

        var comment = await CommentOkAsync(site, moderator, post, "Staff note with https://a.example https://b.example https://c.example");

        Assert.Equal(CommentStatus.Approved, comment.Status);
    }

    [Fact]
    public async Task Queue_ListsPendingByDefault_AndFiltersByStatusAuthorWordsAndPost()
    {
        await site.SettingsAsync(s => { s.Moderation = "All"; s.RateLimitSeconds = 0; });
        var post = await NewPostAsync(site);
        var other = await NewPostAsync(site);
        var (member, name) = await NamedMemberAsync(site);
        var pending = await CommentOkAsync(site, member, post, "Pending words about zeppelins.");
        var approved = await CommentOkAsync(site, member, other, "Approved words about airships.");
        await SetStatusAsync(site, approved.Id, CommentStatus.Approved);
        var moderator = await SignedInAsync(site, "queue-moderator", "Moderator");

        async Task<List<long>> IdsAsync(string query)
        {
            var (response, page) = await Html.GetAsync(moderator, "/admin/comments" + query);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return page.QuerySelectorAll("input[name=ids]").Select(i => long.Parse(i.GetAttribute("value")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        }

        Assert.Contains(pending.Id, await IdsAsync(""));
        Assert.DoesNotContain(approved.Id, await IdsAsync(""));
        Assert.Equal([approved.Id], await IdsAsync($"?status=approved&author={name}"));
        Assert.Equal([pending.Id], await IdsAsync("?status=all&q=ZEPPELINS"));
        Assert.Equal([approved.Id], await IdsAsync($"?status=all&post={other.Id}"));
        Assert.Empty(await IdsAsync("?status=spam&q=zeppelins"));
    }

    [Fact]
    public async Task Queue_BulkApproveSpamDelete_AndReadersSeeApprovedAtOnce_EvenOnCachedPages()
    {
        await site.SettingsAsync(s => { s.Moderation = "All"; s.RateLimitSeconds = 0; });
        var post = await NewPostAsync(site, "Moderated " + Guid.NewGuid().ToString("N")[..6], DateTime.UtcNow.AddMinutes(5));
        var (member, _) = await NamedMemberAsync(site);
        var a = await CommentOkAsync(site, member, post, "Comment A.");
        var b = await CommentOkAsync(site, member, post, "Comment B.");
        var c = await CommentOkAsync(site, member, post, "Comment C, spam.");
        var d = await CommentOkAsync(site, member, post, "Comment D, rude.");
        var reader = site.CreateReader();
        Assert.Equal("No comments:", (await Html.GetAsync(reader, post.Path)).Document.QuerySelector("#comments h2")!.TextContent.Trim());
        await Html.GetAsync(reader, "/");
        await reader.GetStringAsync($"/comments/{post.Id}/rss.xml");
        var moderator = await SignedInAsync(site, "bulk-moderator", "Moderator");

        var approve = await BulkAsync(moderator, "approve", a.Id, b.Id);
        Assert.Equal(HttpStatusCode.Redirect, approve.StatusCode);
        Assert.Contains("2 comments approved.", await moderator.GetStringAsync(approve.Headers.Location!.OriginalString), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await BulkAsync(moderator, "spam", c.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await BulkAsync(moderator, "delete", d.Id)).StatusCode);
        Assert.Equal([CommentStatus.Approved, CommentStatus.Approved, CommentStatus.Spam, CommentStatus.Deleted],
            (await CommentsOnAsync(site, post)).Select(x => x.Status));

        var (_, page) = await Html.GetAsync(reader, post.Path);
        Assert.Equal("2 comments:", page.QuerySelector("#comments h2")!.TextContent.Trim());
        Assert.Equal(["Comment A.", "Comment B."], page.QuerySelectorAll(".comment-text").Select(t => t.TextContent.Trim()));
        var (_, home) = await Html.GetAsync(reader, "/");
        Assert.Equal("2 comments", home.QuerySelector($"a.comment-count[href='{post.Path}#comments']")!.TextContent.Trim());
        var feed = await reader.GetStringAsync($"/comments/{post.Id}/rss.xml");
        Assert.Contains("Comment B.", feed, StringComparison.Ordinal);
        Assert.DoesNotContain("spam", feed, StringComparison.Ordinal);

        // Taking an approved comment away shows at once too.
        await BulkAsync(moderator, "delete", a.Id);
        Assert.Equal("1 comment:", (await Html.GetAsync(reader, post.Path)).Document.QuerySelector("#comments h2")!.TextContent.Trim());
    }

    [Fact]
    public async Task Queue_WithNothingTicked_ChangesNothing_AndSaysSo()
    {
        var moderator = await SignedInAsync(site, "idle-moderator", "Moderator");
        var before = await DatabaseFingerprint.TakeAsync(site);

        var response = await BulkAsync(moderator, "approve");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("tick the comments to act on first", await moderator.GetStringAsync("/admin/comments"), StringComparison.Ordinal);
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(site));
    }

    [Theory]
    [InlineData("Member", HttpStatusCode.Forbidden)]
    [InlineData("Author", HttpStatusCode.Forbidden)]
    [InlineData("Moderator", HttpStatusCode.OK)]
    [InlineData("Editor", HttpStatusCode.OK)]
    public async Task Queue_NeedsModerateComments(string role, HttpStatusCode expected)
    {
        var client = await SignedInAsync(site, "queue-" + role.ToLowerInvariant(), role);

        Assert.Equal(expected, (await client.GetAsync("/admin/comments")).StatusCode);
        Assert.Equal(expected, (await client.GetAsync("/admin/members/requests")).StatusCode);
    }

    [Fact]
    public async Task Moderator_ClosesAndReopensCommentsOnAPost()
    {
        await site.SettingsAsync(s => s.Moderation = "None");
        var post = await NewPostAsync(site);
        var reader = site.CreateReader();
        await Html.GetAsync(reader, post.Path);
        var moderator = await SignedInAsync(site, "closer", "Moderator");
        var (member, _) = await NamedMemberAsync(site);

        var closed = await SubmitAsync(moderator, post.Path, $"/comments/{post.Id}/close");

        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        var (_, memberPage) = await Html.GetAsync(member, post.Path);
        Assert.Null(memberPage.QuerySelector("form.comment-form"));
        Assert.Equal("Comments on this post are closed.", memberPage.QuerySelector(".comments-closed")!.TextContent.Trim());
        Assert.NotNull((await Html.GetAsync(reader, post.Path)).Document.QuerySelector(".comments-closed"));
        var before = await DatabaseFingerprint.TakeAsync(site);
        var refused = await CommentAsync(member, post, "Let me in anyway.");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.StartsWith("Comments on “", Alert(await DocumentAsync(refused)), StringComparison.Ordinal);
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(site));

        var reopened = await SubmitAsync(moderator, post.Path, $"/comments/{post.Id}/open");

        Assert.Equal(HttpStatusCode.Redirect, reopened.StatusCode);
        await CommentOkAsync(site, member, post, "Open again.");
        Assert.Null((await Html.GetAsync(reader, post.Path)).Document.QuerySelector(".comments-closed"));
    }

    [Fact]
    public async Task Member_CannotCloseComments()
    {
        var post = await NewPostAsync(site);
        var (member, _) = await NamedMemberAsync(site);
        var before = await DatabaseFingerprint.TakeAsync(site);

        var response = await SubmitAsync(member, post.Path, $"/comments/{post.Id}/close");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(site));
    }

    [Fact]
    public async Task Threads_CloseAfterTheConfiguredDays()
    {
        await site.SettingsAsync(s => s.CloseAfterDays = 30);
        var old = await NewPostAsync(site, publishedUtc: DateTime.UtcNow.AddDays(-31));
        var recent = await NewPostAsync(site, publishedUtc: DateTime.UtcNow.AddDays(-29));
        var (member, _) = await NamedMemberAsync(site);

        Assert.NotNull((await Html.GetAsync(member, old.Path)).Document.QuerySelector(".comments-closed"));
        Assert.NotNull((await Html.GetAsync(member, recent.Path)).Document.QuerySelector("form.comment-form"));
        Assert.Equal(HttpStatusCode.BadRequest, (await CommentAsync(member, old, "Late.")).StatusCode);
    }

    private static async Task<HttpResponseMessage> BulkAsync(HttpClient moderator, string action, params long[] ids)
    {
        var (_, page) = await Html.GetAsync(moderator, "/admin/comments?status=all");
        var fields = ids.Select(id => KeyValuePair.Create("ids", id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Append(KeyValuePair.Create("decision", action))
            .Append(KeyValuePair.Create("returnUrl", "/admin/comments?status=all"))
            .Append(KeyValuePair.Create("__RequestVerificationToken", Html.AntiforgeryToken(page)));
        return await moderator.PostAsync("/admin/comments", new FormUrlEncodedContent(fields));
    }
}
