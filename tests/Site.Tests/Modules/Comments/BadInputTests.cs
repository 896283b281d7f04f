using System.Net;
using Cms.Content;
using Microsoft.Extensions.DependencyInjection;
using Site.Tests.Infrastructure;
using static Site.Tests.Modules.Comments.CommentPages;

namespace Site.Tests.Modules.Comments;

/// <summary>Every bad comment is refused with a message that says what was wrong, and nothing is stored.</summary>
public sealed class BadInputTests(CommentsSite site) : IClassFixture<CommentsSite>
{
    [Theory]
    [InlineData("", "The comment is empty: write something before posting.")]
    [InlineData("   \n\t  ", "The comment is empty: write something before posting.")]
    public async Task EmptyBody_IsRefused(string text, string message)
    {
        var (member, post) = await MemberAndPostAsync();

        await AssertRefusedAsync(() => CommentAsync(member, post, text), HttpStatusCode.BadRequest, message, field: true);
    }

    [Fact]
    public async Task OverlongBody_IsRefused()
    {
        var (member, post) = await MemberAndPostAsync();

        await AssertRefusedAsync(() => CommentAsync(member, post, new string('a', 4097)), HttpStatusCode.BadRequest,
            "A comment has at most 4,096 characters; this one has 4,097.", field: true);
    }

    [Fact]
    public async Task CommentOnUnpublishedPost_IsRefused()
    {
        var (member, post) = await MemberAndPostAsync();
        var token = Html.AntiforgeryToken((await Html.GetAsync(member, post.Path)).Document);
        await site.InScopeAsync(sp => sp.GetRequiredService<IContentManager>().UnpublishAsync(post.Id));

        await AssertRefusedAsync(() => PostRawAsync(member, post.Id, token, "Hello?"), HttpStatusCode.NotFound,
            "There is no published post here to comment on: it may have been unpublished or deleted.");
    }

    [Fact]
    public async Task CommentOnUnknownItem_IsRefused()
    {
        var (member, post) = await MemberAndPostAsync();
        var token = Html.AntiforgeryToken((await Html.GetAsync(member, post.Path)).Document);

        await AssertRefusedAsync(() => PostRawAsync(member, "00000000000000000000000000", token, "Hello?"), HttpStatusCode.NotFound,
            "There is no published post here to comment on: it may have been unpublished or deleted.");
        await AssertRefusedAsync(() => PostRawAsync(member, "not-an-id", token, "Hello?"), HttpStatusCode.NotFound,
            "There is no published post here to comment on: it may have been unpublished or deleted.");
    }

    [Fact]
    public async Task CommentOnClosedPost_IsRefused()
    {
        var (member, post) = await MemberAndPostAsync();
        var token = Html.AntiforgeryToken((await Html.GetAsync(member, post.Path)).Document);
        var moderator = await SignedInAsync(site, "bad-input-moderator", "Moderator");
        await SubmitAsync(moderator, post.Path, $"/comments/{post.Id}/close");
        var title = await TitleAsync(post);

        await AssertRefusedAsync(() => PostRawAsync(member, post.Id, token, "Still here."), HttpStatusCode.BadRequest, $"Comments on “{title}” are closed.");
    }

    [Fact]
    public async Task CommentOnItemWhoseTypeTakesNoComments_IsRefused()
    {
        var (member, post) = await MemberAndPostAsync();
        var token = Html.AntiforgeryToken((await Html.GetAsync(member, post.Path)).Document);
        var page = await site.InScopeAsync(async sp =>
        {
            var recipe = """
                { "name": "Pages", "steps": [ { "name": "ContentDefinition", "ContentTypes": [ { "Name": "Page", "DisplayName": "Page",
                  "ContentTypePartDefinitionRecords": [ { "PartName": "TitlePart", "Name": "TitlePart" }, { "PartName": "AutoroutePart", "Name": "AutoroutePart" } ] } ] } ] }
                """;
            Assert.True((await sp.GetRequiredService<Cms.Recipes.IRecipeExecutor>().ExecuteAsync(recipe)).Succeeded);
            var contentManager = sp.GetRequiredService<IContentManager>();
            var item = contentManager.New("Page");
            item.Alter<global::Modules.Contents.Models.TitlePart>(t => t.Title = "About");
            item.Alter<global::Modules.Contents.Models.AutoroutePart>(p => p.Path = "about-" + Guid.NewGuid().ToString("N")[..6]);
            return (await contentManager.PublishAsync(item)).ContentItemId;
        });

        await AssertRefusedAsync(() => PostRawAsync(member, page, token, "Nice page."), HttpStatusCode.BadRequest, "“About” does not take comments.");
    }

    [Fact]
    public async Task ReplyToACommentOfAnotherPost_IsRefused()
    {
        var (member, post) = await MemberAndPostAsync();
        var other = await NewPostAsync(site);
        var elsewhere = await CommentOkAsync(site, member, other, "Elsewhere.");
        site.Clock.Advance(TimeSpan.FromSeconds(16));

        await AssertRefusedAsync(() => CommentAsync(member, post, "Crossed wires.", elsewhere.Id), HttpStatusCode.BadRequest,
            "The comment you are replying to belongs to another post.");
    }

    [Fact]
    public async Task ReplyToACommentThatDoesNotExist_IsRefused()
    {
        var (member, post) = await MemberAndPostAsync();
        var token = Html.AntiforgeryToken((await Html.GetAsync(member, post.Path)).Document);

        await AssertRefusedAsync(() => CommentAsync(member, post, "To nobody.", 987_654_321), HttpStatusCode.BadRequest,
            "The comment you are replying to does not exist.");
        await AssertRefusedAsync(() => PostRawAsync(member, post.Id, token, "To nonsense.", parentId: "abc"), HttpStatusCode.BadRequest,
            "The comment you are replying to does not exist.");
    }

    [Fact]
    public async Task CommentWithoutAntiforgeryToken_IsRefused()
    {
        var (member, post) = await MemberAndPostAsync();

        await AssertRefusedAsync(() => PostRawAsync(member, post.Id, token: null, "Forged?"), HttpStatusCode.BadRequest,
            "This form could not be verified: its security token is missing or has expired. Nothing was saved; reload the page and try again.");
    }

    [Fact]
    public async Task EditAndDeleteWithoutAntiforgeryToken_AreRefused()
    {
        var (member, post) = await MemberAndPostAsync();
        var comment = await CommentOkAsync(site, member, post, "Keep me.");
        var message = "This form could not be verified: its security token is missing or has expired. Nothing was saved; reload the page and try again.";

        await AssertRefusedAsync(() => member.PostAsync($"/comments/{comment.Id}/edit", Fields(("Text", "Changed?"))), HttpStatusCode.BadRequest, message);
        await AssertRefusedAsync(() => member.PostAsync($"/comments/{comment.Id}/delete", Fields()), HttpStatusCode.BadRequest, message);
        var moderator = await SignedInAsync(site, "tokenless-moderator", "Moderator");
        await AssertRefusedAsync(() => moderator.PostAsync($"/comments/{post.Id}/close", Fields()), HttpStatusCode.BadRequest, message);
    }

    [Fact]
    public async Task EditToAnEmptyBody_IsRefused_AndTheCommentKept()
    {
        var (member, post) = await MemberAndPostAsync();
        var comment = await CommentOkAsync(site, member, post, "Keep me.");

        await AssertRefusedAsync(() => SubmitAsync(member, $"/comments/{comment.Id}/edit", $"/comments/{comment.Id}/edit", ("Text", " ")),
            HttpStatusCode.BadRequest, "The comment is empty: write something before posting.", field: true);
        Assert.Equal("Keep me.", (await FindAsync(site, comment.Id))!.Markdown);
    }

    private async Task<(HttpClient Member, Post Post)> MemberAndPostAsync()
    {
        await site.SettingsAsync(s => s.Moderation = "None");
        var (member, _) = await NamedMemberAsync(site, "bad-input");
        return (member, await NewPostAsync(site));
    }

    private async Task AssertRefusedAsync(Func<Task<HttpResponseMessage>> send, HttpStatusCode status, string message, bool field = false)
    {
        var before = await DatabaseFingerprint.TakeAsync(site);

        var response = await send();

        Assert.Equal(status, response.StatusCode);
        var page = await DocumentAsync(response);
        var shown = field ? page.QuerySelector("[data-valmsg-for=Text]")?.TextContent.Trim() : Alert(page);
        Assert.Equal(message, shown);
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(site));
    }

    private static Task<HttpResponseMessage> PostRawAsync(HttpClient client, string itemId, string? token, string text, string? parentId = null)
    {
        var fields = new List<(string, string)> { ("Text", text) };
        if (token is not null)
        {
            fields.Add(("__RequestVerificationToken", token));
        }

        if (parentId is not null)
        {
            fields.Add(("ParentId", parentId));
        }

        return client.PostAsync($"/comments/{itemId}", Fields([.. fields]));
    }

    private Task<string> TitleAsync(Post post) => site.InScopeAsync(async sp => (await sp.GetRequiredService<IContentManager>().GetAsync(post.Id))!.DisplayText);

    private static FormUrlEncodedContent Fields(params (string Name, string Value)[] fields)
        => new(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)));
}
