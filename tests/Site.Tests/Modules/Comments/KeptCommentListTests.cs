using System.Net;
using Cms.Content;
using Cms.Data;
using Cms.Display;
using Microsoft.Extensions.DependencyInjection;
using Modules.Comments.Models;
using Modules.Comments.Services;
using Site.Tests.Infrastructure;
using static Site.Tests.Modules.Comments.CommentPages;
using static Site.Tests.Infrastructure.RenderingSite;

namespace Site.Tests.Modules.Comments;

/// <summary>
/// Issue 12 point 1: a visitor's page of a comment thread is rendered once and kept as HTML (<see cref="KeptShapes"/>)
/// per post, page and page size, under the public-pages signal's version; a member never gets it (their page has the
/// reply forms and their antiforgery token); an approved, edited or deleted comment and an unpublished post show on the
/// next page the output cache misses. The site varies its output cache by <c>nocache</c>, so each request renders.
/// </summary>
public sealed class KeptCommentListTests : IAsyncLifetime
{
    private readonly CommentsSite _site = new();

    public async Task InitializeAsync()
    {
        RenderingSite.UseFreshAddresses(_site);
        await _site.InitializeAsync();
    }

    public Task DisposeAsync()
    {
        _site.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task AVisitorsThread_IsRenderedOnce_ThenServedKept_WithNoFormOrToken()
    {
        var post = await NewPostAsync(_site);
        await SeedAsync(post, "First words.", "Second words.");
        var reader = _site.CreateReader();

        var first = await ListAsync(reader, post, 1);
        var kept = await KeptAsync(post, 1);
        Assert.NotNull(kept);
        Assert.Equal(first, Html.Parse(kept).QuerySelector("ol.comment-list")!.OuterHtml);
        Assert.DoesNotContain("<form", kept, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("__RequestVerificationToken", kept, StringComparison.Ordinal);

        Assert.Equal(first, await ListAsync(reader, post, 1)); // written from the kept HTML
        Assert.Same(kept, await KeptAsync(post, 1)); // and not rendered again
    }

    [Fact]
    public async Task AMember_NeverGetsTheVisitorsKeptList_AndStillHasReplyFormsWithTheirToken()
    {
        var post = await NewPostAsync(_site);
        var ids = await SeedAsync(post, "A comment to answer.");
        await ListAsync(_site.CreateReader(), post, 1);
        var kept = await KeptAsync(post, 1);
        Assert.NotNull(kept);

        var member = await SignedInAsync(_site, "kept-list", "Member");
        var (_, page) = await Html.GetAsync(member, Fresh(post.Path));
        var reply = page.QuerySelector($"#comment-{ids[0]} details.comment-reply form");
        Assert.NotNull(reply);
        Assert.NotEmpty(reply.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!);
        Assert.Same(kept, await KeptAsync(post, 1)); // the member's list was neither served from it nor kept over it
        Assert.DoesNotContain("comment-reply", kept, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnApprovedEditedOrDeletedComment_AndAnUnpublishedPost_ShowOnTheNextMiss()
    {
        var post = await NewPostAsync(_site);
        await SeedAsync(post, "Already there.");
        var reader = _site.CreateReader();
        Assert.Single(Html.Parse(await ListAsync(reader, post, 1)).QuerySelectorAll(".comment"));

        var moderator = await SignedInAsync(_site, "kept-moderator", "Moderator"); // approved at once
        var comment = await CommentOkAsync(_site, moderator, post, "Freshly approved.");
        Assert.Contains("Freshly approved.", await ListAsync(reader, post, 1), StringComparison.Ordinal);

        var edited = await SubmitAsync(moderator, $"/comments/{comment.Id}/edit", $"/comments/{comment.Id}/edit", ("Text", "Edited since."));
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var afterEdit = await ListAsync(reader, post, 1);
        Assert.Contains("Edited since.", afterEdit, StringComparison.Ordinal);
        Assert.Contains("(edited)", afterEdit, StringComparison.Ordinal);

        var deleted = await SubmitAsync(moderator, post.Path, $"/comments/{comment.Id}/delete");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        var afterDelete = await ListAsync(reader, post, 1);
        Assert.DoesNotContain("Edited since.", afterDelete, StringComparison.Ordinal);
        Assert.Equal(afterDelete, Html.Parse((await KeptAsync(post, 1))!).QuerySelector("ol.comment-list")!.OuterHtml);

        await _site.InScopeAsync(sp => sp.GetRequiredService<IContentManager>().UnpublishAsync(post.Id));
        var gone = await reader.GetAsync(Fresh(post.Path));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task EachPage_IsKeptApart_AndAPagePastTheEnd_IsNotKept()
    {
        var post = await NewPostAsync(_site);
        var ids = await SeedAsync(post, Enumerable.Range(1, 103).Select(i => $"Comment {i}").ToArray());
        var reader = _site.CreateReader();

        for (var round = 0; round < 2; round++)
        {
            Assert.Equal(ids.Take(50).Select(id => $"comment-{id}"), await TopIdsAsync(reader, post, 1));
            Assert.Equal(ids.Skip(50).Take(50).Select(id => $"comment-{id}"), await TopIdsAsync(reader, post, 2));
            Assert.Equal(ids.Skip(100).Select(id => $"comment-{id}"), await TopIdsAsync(reader, post, 3));
        }

        Assert.Contains($"comment-{ids[50]}", (await KeptAsync(post, 2))!, StringComparison.Ordinal);
        Assert.DoesNotContain($"comment-{ids[0]}\"", (await KeptAsync(post, 2))!, StringComparison.Ordinal);
        var (_, beyond) = await Html.GetAsync(reader, Fresh(post.Path) + "&commentPage=9");
        Assert.Empty(beyond.QuerySelectorAll(".comment-list > .comment"));
        Assert.Equal("Page 3 of 3", beyond.QuerySelector(".comment-pager .count")!.TextContent.Trim());
        Assert.Null(await KeptAsync(post, 9));
    }

    private async Task<List<long>> SeedAsync(Post post, params string[] texts)
    {
        var ids = await _site.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CmsDbContext>();
            var rows = texts.Select((text, i) => new Comment
            {
                ContentItemId = post.Id, AuthorId = "seed", AuthorName = "seed-author", Markdown = text,
                Status = CommentStatus.Approved, CreatedUtc = DateTime.UtcNow.AddMinutes(-200 + i),
            }).ToList();
            db.AddRange(rows);
            await db.SaveChangesAsync();
            await sp.GetRequiredService<IPublicCache>().EvictAllAsync(); // as a comment's writer announces it
            return rows.Select(r => r.Id).ToList();
        });
        return ids;
    }

    private static async Task<string> ListAsync(HttpClient client, Post post, int page)
    {
        var (_, document) = await Html.GetAsync(client, Fresh(post.Path) + "&commentPage=" + page);
        return document.QuerySelector("ol.comment-list")?.OuterHtml ?? "";
    }

    private static async Task<List<string>> TopIdsAsync(HttpClient client, Post post, int page)
        => Html.Parse(await ListAsync(client, post, page)).QuerySelectorAll("ol.comment-list > .comment").Select(c => c.Id!).ToList();

    private Task<string?> KeptAsync(Post post, int page) => _site.InScopeAsync(async sp =>
    {
        var version = await sp.GetRequiredService<PublicContentVersion>().GetAsync();
        return sp.GetRequiredService<KeptShapes>().TryGet(version, $"{post.Id}/{page}/50", CommentThreadBuilder.CommentListShape, out var html)
            ? html : null;
    });
}
