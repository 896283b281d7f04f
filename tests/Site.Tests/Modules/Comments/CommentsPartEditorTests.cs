using System.Net;
using Cms.Content;
using Microsoft.Extensions.DependencyInjection;
using Modules.Comments.Models;
using Site.Tests.Modules.Contents;
using Site.Tests.Infrastructure;

namespace Site.Tests.Modules.Comments;

/// <summary>CommentsPart in the content editor: open by default; an editor closes a post's comments with the checkbox.</summary>
public sealed class CommentsPartEditorTests(CommentsSite site) : IClassFixture<CommentsSite>
{
    private const string NewPost = "/admin/contents/new/NewsCommentary";

    [Fact]
    public async Task Editor_ShowsTheSwitchTicked_AndUntickingItClosesComments()
    {
        await Accounts.EnsureUserAsync(site, "comments-editor", "Editor");
        var editor = await Accounts.SignedInClientAsync(site, "comments-editor");
        var (_, form) = await Html.GetAsync(editor, NewPost);
        Assert.True(form.QuerySelector("input[type=checkbox][name='CommentsPart.Open']")!.HasAttribute("checked"));

        var fields = ContentEditorTests.PostFields("Closed From The Start", submit: "publish");
        fields["CommentsPart.Open"] = "false";
        var response = await Accounts.PostFormAsync(editor, NewPost, NewPost, fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = response.Headers.Location!.OriginalString.Split('/')[3];
        var item = (await site.InScopeAsync(sp => sp.GetRequiredService<IContentManager>().GetAsync(id)))!;
        Assert.False(item.As<CommentsPart>()!.Open);
        var (_, page) = await Html.GetAsync(editor, "/" + item.As<global::Modules.Contents.Models.AutoroutePart>()!.Path);
        Assert.Equal("Comments on this post are closed.", page.QuerySelector(".comments-closed")!.TextContent.Trim());
        Assert.Null(page.QuerySelector("form.comment-form"));
    }
}
