using System.Globalization;
using Cms.Content;
using Cms.Display;
using Cms.Settings;
using Microsoft.AspNetCore.Http;
using Modules.Comments.Models;
using Modules.Comments.Settings;
using Modules.Comments.ViewModels;
using Modules.Markdown.Services;

namespace Modules.Comments.Services;

/// <summary>Builds the thread under a post for the reader making the request.</summary>
public sealed class CommentThreadBuilder(
    CommentThreadQuery query,
    CommentTargets targets,
    CommentPolicy policy,
    ISiteService site,
    IMarkdownRenderer markdown,
    INotifier notifier,
    PublicContentVersion version,
    KeptShapes shapes,
    TimeProvider clock)
{
    public const string PageParameter = "commentPage";

    /// <summary>The kept shape a visitor's comment list is (<see cref="KeptShapes"/>), per post, page and page size.</summary>
    public const string CommentListShape = "CommentList";

    public async Task<CommentThreadViewModel> BuildAsync(ContentItem item, HttpContext http)
    {
        var siteSettings = await site.GetAsync();
        var settings = siteSettings.Comments();
        var now = clock.GetUtcNow().UtcDateTime;
        var rights = await policy.RightsOfAsync(http.User);
        var target = await targets.DescribeAsync(item, settings, now);
        var page = ReadPage(http.Request.Query[PageParameter]);
        var thread = await query.LoadAsync(item.ContentItemId, rights.UserId, page, settings.PageSize);
        var zone = siteSettings.TimeZone();
        var open = target.IsOpen && item.Published;

        // A visitor's list (no edit, reply or pending comment of their own) is the same for every visitor until public
        // content changes: kept as rendered, as a summary is (issue 12 point 1: the list was a fifth of a post's miss).
        // Only a page with comments on it: a page number past the end (any of 100,000) would add an entry of no
        // characters each time, which the character bound does not count.
        var pageCount = Math.Max(1, (thread.RootCount + settings.PageSize - 1) / settings.PageSize);
        var visitor = !rights.IsSignedIn && !rights.CanPost && !rights.CanModerate && item.Published
            && thread.Comments.Count > 0 && page <= pageCount;
        var current = visitor ? await version.GetAsync() : 0;
        var listKey = $"{item.ContentItemId}/{page}/{settings.PageSize}";
        var kept = visitor && shapes.TryGet(current, listKey, CommentListShape, out var html) ? html : null;
        return new CommentThreadViewModel
        {
            KeptListHtml = kept,
            KeepList = visitor && kept is null ? rendered => shapes.Keep(current, listKey, CommentListShape, rendered) : null,
            ContentItemId = item.ContentItemId,
            PostPath = target.Path,
            ApprovedCount = thread.ApprovedCount,
            Comments = kept is null ? Tree(thread.Comments, rights, settings, open, zone) : [],
            Page = page,
            PageCount = pageCount,
            IsOpen = target.IsOpen,
            IsPublished = item.Published,
            Rights = rights,
            PolicyNote = settings.PolicyNote,
            MembershipOpen = siteSettings.Registration().AllowsRequests,
            MaxLength = settings.MaxLength,

            // Only signed-in readers have messages, and only their pages skip the output cache.
            Notices = rights.IsSignedIn ? notifier.Take() : [],
        };
    }

    private List<CommentNode> Tree(IReadOnlyList<Comment> rows, CommentRights rights, CommentSettings settings, bool open, TimeZoneInfo zone)
    {
        var children = rows.Where(c => c.ParentId is not null).ToLookup(c => c.ParentId!.Value);
        CommentNode? Node(Comment comment)
        {
            var replies = children[comment.Id].Select(Node).OfType<CommentNode>().ToList();
            var own = rights.UserId is not null && comment.AuthorId == rights.UserId;
            var shown = comment.Status == CommentStatus.Approved || (own && comment.Status == CommentStatus.Pending);
            if (!shown && replies.Count == 0)
            {
                return null;
            }

            var node = new CommentNode
            {
                Id = comment.Id,
                AuthorName = shown ? comment.AuthorName : "",
                Html = shown ? markdown.RenderUserContent(comment.Markdown) : Microsoft.AspNetCore.Html.HtmlString.Empty,
                CreatedLocal = TimeZoneInfo.ConvertTimeFromUtc(comment.CreatedUtc, zone),
                IsEdited = comment.EditedUtc is not null,
                IsPending = shown && comment.Status == CommentStatus.Pending,
                Placeholder = shown ? null : PlaceholderOf(comment.Status),
                CanEdit = shown && own && policy.WhyNotChange(rights, comment, settings) is null,
                CanReply = open && rights.CanPost && comment.Status == CommentStatus.Approved && comment.Depth < settings.ReplyDepth,
            };
            node.Replies.AddRange(replies);
            return node;
        }

        return rows.Where(c => c.ParentId is null).Select(Node).OfType<CommentNode>().ToList();
    }

    private static string PlaceholderOf(CommentStatus status) => status switch
    {
        CommentStatus.Deleted => "This comment has been deleted.",
        CommentStatus.Pending => "This comment is awaiting moderation.",
        _ => "This comment has been removed by a moderator.",
    };

    private static int ReadPage(string? value)
        => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page is >= 1 and <= 100_000 ? page : 1;
}
