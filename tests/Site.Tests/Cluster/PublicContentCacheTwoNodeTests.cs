using Cms.Content;
using Cms.Data;
using Microsoft.Extensions.DependencyInjection;
using Modules.Comments.Models;
using Modules.Comments.Services;
using Modules.Contents.Models;
using Site.Tests.Infrastructure;
using Site.Tests.Modules.NewsCommentary;

namespace Site.Tests.Cluster;

/// <summary>
/// Issue 12: a post page keeps its neighbours and its visitors' thread per process until public content changes.
/// A change made on node A shows on node B's next page at once, though B's own poll for changes is a minute away:
/// B reads the shared signal's version on each page it builds. (B varies its output cache by "nocache", as the
/// bench does, so each request builds its page.)
/// </summary>
public sealed class PublicContentCacheTwoNodeTests : IDisposable
{
    private readonly SiteFactory _a = new() { ClusterPollMilliseconds = 60_000 };
    private readonly SecondNodeFactory _b;

    public PublicContentCacheTwoNodeTests()
    {
        _ = _a.Services;
        _b = new SecondNodeFactory(_a) { ClusterPollMilliseconds = 60_000 };
        _b.Settings["Cms:PublicCache:QueryKeys"] = "nocache";
    }

    public void Dispose()
    {
        _b.Dispose();
        _a.Dispose();
    }

    [Fact]
    public async Task ANewerPost_AndAnApprovedComment_OnA_ShowOnBsNextPage()
    {
        var older = await PublishAsync("Kept Navigation Older", new DateTime(2031, 3, 1, 9, 0, 0, DateTimeKind.Utc));
        var reader = _b.CreateReader();
        var before = await reader.GetStringAsync(older.Path + "?nocache=1");
        Assert.DoesNotContain("Kept Navigation Newer", before);
        Assert.DoesNotContain("A comment approved on node A", before);
        Assert.Equal(before, await reader.GetStringAsync(older.Path + "?nocache=2")); // built from what B keeps

        await PublishAsync("Kept Navigation Newer", new DateTime(2031, 3, 2, 9, 0, 0, DateTimeKind.Utc));
        await ApproveCommentOnAAsync(older.Id, "A comment approved on node A");

        var after = await reader.GetStringAsync(older.Path + "?nocache=3");
        Assert.Contains("Kept Navigation Newer", after);
        Assert.Contains("A comment approved on node A", after);
    }

    private Task<(string Id, string Path)> PublishAsync(string title, DateTime publishedUtc) => _a.InScopeAsync(async sp =>
    {
        var contentManager = sp.GetRequiredService<IContentManager>();
        var stored = await contentManager.PublishAsync(TaggedPosts.New(contentManager, title, publishedUtc, "Kept Navigation"));
        return (stored.ContentItemId, "/" + stored.As<AutoroutePart>()!.Path);
    });

    /// <summary>A pending comment, approved through moderation (which moves the public-pages signal, as every change readers see).</summary>
    private Task ApproveCommentOnAAsync(string contentItemId, string text) => _a.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<CmsDbContext>();
        var comment = new Comment
        {
            ContentItemId = contentItemId,
            AuthorId = "node-a-member",
            AuthorName = "Node A member",
            Markdown = text,
            Status = CommentStatus.Pending,
            CreatedUtc = DateTime.UtcNow,
        };
        db.Set<Comment>().Add(comment);
        await db.SaveChangesAsync();
        await sp.GetRequiredService<CommentModeration>().SetStatusAsync([comment.Id], CommentStatus.Approved);
    });
}
