using System.Net;
using Modules.Comments.Models;
using Site.Tests.Infrastructure;
using static Site.Tests.Modules.Comments.CommentPages;

namespace Site.Tests.Modules.Comments;

/// <summary>Members post Markdown comments: sanitised, links marked, limits kept; they reply, edit and delete their own.</summary>
public sealed class PostingTests(CommentsSite site) : IClassFixture<CommentsSite>
{
    [Fact]
    public async Task Member_SeesTheForm_AndPostsMarkdown_ThatIsSanitised_WithLinksMarkedNofollowUgc()
    {
        await site.SettingsAsync(s => s.Moderation = "None");
        var post = await NewPostAsync(site);
        var (member, _) = await NamedMemberAsync(site);
        Assert.NotNull((await Html.GetAsync(member, post.Path)).Document.QuerySelector($"form.comment-form[action='/comments/{post.Id}'] textarea[name=Text]"));

        var comment = await CommentOkAsync(site, member, post,
            "I **agree**. See [the report](https://example.org/report) <script>alert(1)</script> ![x](https://example.org/x.png) [bad](javascript:alert(1))");

        Assert.Equal(CommentStatus.Approved, comment.Status);
        var (_, page) = await Html.GetAsync(member, post.Path);
        var text = page.QuerySelector($"#comment-{comment.Id} .comment-text")!;
        Assert.Equal("agree", text.QuerySelector("strong")!.TextContent);
        var link = text.QuerySelector("a[href='https://example.org/report']")!;
        Assert.Equal("nofollow ugc", link.GetAttribute("rel"));
        Assert.Null(text.QuerySelector("script"));
        Assert.Null(text.QuerySelector("img"));
        Assert.DoesNotContain("javascript:", text.InnerHtml, StringComparison.OrdinalIgnoreCase);
        Assert.All(text.QuerySelectorAll("a"), a => Assert.Equal("nofollow ugc", a.GetAttribute("rel")));
    }

    [Fact]
    public async Task Comment_OverTheLengthLimit_IsRefused_AndTheTextKept()
    {
        await site.SettingsAsync(s => s.MaxLength = 200);
        var post = await NewPostAsync(site);
        var (member, _) = await NamedMemberAsync(site);
        var before = await DatabaseFingerprint.TakeAsync(site);

        var response = await CommentAsync(member, post, new string('x', 201));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await DocumentAsync(response);
        Assert.Equal("A comment has at most 200 characters; this one has 201.", page.QuerySelector("[data-valmsg-for=Text]")!.TextContent.Trim());
        Assert.Equal(new string('x', 201), page.QuerySelector("form.comment-form textarea")!.TextContent);
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(site));

        await CommentOkAsync(site, member, post, new string('y', 200));
    }

    [Fact]
    public async Task Comment_WithMoreLinksThanTheLimit_WaitsForAModerator()
    {
        await site.SettingsAsync(s => { s.Moderation = "None"; s.MaxLinks = 2; });
        var post = await NewPostAsync(site);
        var (member, _) = await NamedMemberAsync(site);

        var two = await CommentOkAsync(site, member, post, "Two links: https://one.example and [two](https://two.example).");
        site.Clock.Advance(TimeSpan.FromSeconds(16));
        var three = await CommentOkAsync(site, member, post, "Three: https://one.example https://two.example https://three.example");

        Assert.Equal(CommentStatus.Approved, two.Status);
        Assert.Equal(CommentStatus.Pending, three.Status);
        var (_, page) = await Html.GetAsync(member, post.Path);
        Assert.Contains("Awaiting moderation", page.QuerySelector($"#comment-{three.Id} .comment-status")!.TextContent, StringComparison.Ordinal);
        var (_, anonymous) = await Html.GetAsync(site.CreateReader(), post.Path);
        Assert.Null(anonymous.QuerySelector($"#comment-{three.Id}"));
        Assert.NotNull(anonymous.QuerySelector($"#comment-{two.Id}"));
    }

    [Fact]
    public async Task SecondComment_WithinTheRateLimit_Gets429WithAReadableMessage()
    {
        await site.SettingsAsync(s => s.Moderation = "None");
        var post = await NewPostAsync(site);
        var (member, _) = await NamedMemberAsync(site);
        await CommentOkAsync(site, member, post, "First.");
        var before = await DatabaseFingerprint.TakeAsync(site);

        var response = await CommentAsync(member, post, "Second, at once.");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var page = await DocumentAsync(response);
        Assert.Matches("^You are commenting too quickly: one comment every 15 seconds. Wait (1[0-5]|[1-9]) seconds?, then post again.$", Alert(page));
        Assert.Equal("Second, at once.", page.QuerySelector("form.comment-form textarea")!.TextContent);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(site));

        site.Clock.Advance(TimeSpan.FromSeconds(16));
        await CommentOkAsync(site, member, post, "Second, later.");
    }

    [Fact]
    public async Task Member_RepliesToAComment_AndTheReplySitsUnderIt_UpToTheDepth()
    {
        await site.SettingsAsync(s => { s.Moderation = "None"; s.ReplyDepth = 2; s.RateLimitSeconds = 0; });
        var post = await NewPostAsync(site);
        var (member, _) = await NamedMemberAsync(site);
        var top = await CommentOkAsync(site, member, post, "Top.");
        var reply = await CommentOkAsync(site, member, post, "Reply.", top.Id);
        var deeper = await CommentOkAsync(site, member, post, "Reply to the reply.", reply.Id);

        var (_, page) = await Html.GetAsync(member, post.Path);
        Assert.NotNull(page.QuerySelector($"#comment-{top.Id} > .comment-replies > #comment-{reply.Id} > .comment-replies > #comment-{deeper.Id}"));
        Assert.NotNull(page.QuerySelector($"#comment-{reply.Id} > article .comment-reply input[name=ParentId][value='{reply.Id}']"));
        Assert.Null(page.QuerySelector($"#comment-{deeper.Id} > article .comment-reply"));
        Assert.Equal("3 comments:", page.QuerySelector("#comments h2")!.TextContent.Trim());

        var before = await DatabaseFingerprint.TakeAsync(site);
        var tooDeep = await CommentAsync(member, post, "Too deep.", deeper.Id);
        Assert.Equal(HttpStatusCode.BadRequest, tooDeep.StatusCode);
        Assert.Equal("Replies go at most 2 levels deep; reply to an earlier comment instead.", Alert(await DocumentAsync(tooDeep)));
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(site));
    }

    [Fact]
    public async Task Member_EditsAndDeletesOwnComment_Within15Minutes_ButNotAfter()
    {
        await site.SettingsAsync(s => { s.Moderation = "None"; s.RateLimitSeconds = 0; });
        var post = await NewPostAsync(site);
        var (member, _) = await NamedMemberAsync(site);
        var comment = await CommentOkAsync(site, member, post, "Teh typo.");
        var (_, page) = await Html.GetAsync(member, post.Path);
        Assert.NotNull(page.QuerySelector($"#comment-{comment.Id} a[href='/comments/{comment.Id}/edit']"));

        var edited = await SubmitAsync(member, $"/comments/{comment.Id}/edit", $"/comments/{comment.Id}/edit", ("Text", "The typo, fixed."));

        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var stored = (await FindAsync(site, comment.Id))!;
        Assert.Equal("The typo, fixed.", stored.Markdown);
        Assert.NotNull(stored.EditedUtc);
        Assert.Contains("(edited)", (await Html.GetAsync(member, post.Path)).Document.QuerySelector($"#comment-{comment.Id} .comment-meta")!.TextContent, StringComparison.Ordinal);

        var doomed = await CommentOkAsync(site, member, post, "Regretted at once.");
        var deleted = await SubmitAsync(member, post.Path, $"/comments/{doomed.Id}/delete");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(CommentStatus.Deleted, (await FindAsync(site, doomed.Id))!.Status);
        Assert.Null((await Html.GetAsync(site.CreateReader(), post.Path)).Document.QuerySelector($"#comment-{doomed.Id}"));

        site.Clock.Advance(TimeSpan.FromMinutes(16));
        var before = await DatabaseFingerprint.TakeAsync(site);
        var token = Html.AntiforgeryToken((await Html.GetAsync(member, post.Path)).Document);
        var lateEdit = await member.PostAsync($"/comments/{comment.Id}/edit", Form(("Text", "Too late."), ("__RequestVerificationToken", token)));
        var lateDelete = await member.PostAsync($"/comments/{comment.Id}/delete", Form(("__RequestVerificationToken", token)));

        Assert.Equal(HttpStatusCode.Forbidden, lateEdit.StatusCode);
        Assert.Equal("Comments can be edited or deleted for 15 minutes after posting; that time has passed.", Alert(await DocumentAsync(lateEdit)));
        Assert.Equal(HttpStatusCode.Forbidden, lateDelete.StatusCode);
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(site));
        Assert.Null((await Html.GetAsync(member, post.Path)).Document.QuerySelector($"#comment-{comment.Id} a[href$='/edit']"));
    }

    [Fact]
    public async Task Member_CannotEditOrDeleteSomeoneElsesComment()
    {
        await site.SettingsAsync(s => s.Moderation = "None");
        var post = await NewPostAsync(site);
        var (author, _) = await NamedMemberAsync(site);
        var comment = await CommentOkAsync(site, author, post, "Mine.");
        var (other, _) = await NamedMemberAsync(site);
        var token = Html.AntiforgeryToken((await Html.GetAsync(other, post.Path)).Document);
        var before = await DatabaseFingerprint.TakeAsync(site);

        var edit = await other.PostAsync($"/comments/{comment.Id}/edit", Form(("Text", "Yours now."), ("__RequestVerificationToken", token)));
        var delete = await other.PostAsync($"/comments/{comment.Id}/delete", Form(("__RequestVerificationToken", token)));

        Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
        Assert.Equal("You can change only your own comments.", Alert(await DocumentAsync(edit)));
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(site));
    }

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields)
        => new(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)));
}
