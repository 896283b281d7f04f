using Cms.Display;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Modules.Comments.Services;

namespace Modules.Comments.ViewModels;

/// <summary>The thread under a post: count, one page of comments, and the form or the policy note.</summary>
public sealed class CommentThreadViewModel
{
    [BindNever]
    public required string ContentItemId { get; init; }

    [BindNever]
    public required string PostPath { get; init; }

    [BindNever]
    public int ApprovedCount { get; init; }

    [BindNever]
    public IReadOnlyList<CommentNode> Comments { get; init; } = [];

    [BindNever]
    public int Page { get; init; } = 1;

    [BindNever]
    public int PageCount { get; init; } = 1;

    [BindNever]
    public bool IsOpen { get; init; }

    /// <summary>False in a preview of a version that is not published: nothing can be posted to it.</summary>
    [BindNever]
    public bool IsPublished { get; init; }

    [BindNever]
    public required CommentRights Rights { get; init; }

    /// <summary>The site's note for readers who may not comment ("Only a member of this blog may post a comment.").</summary>
    [BindNever]
    public string PolicyNote { get; init; } = "";

    /// <summary>Signed-in non-members may ask to join; visitors may create an account.</summary>
    [BindNever]
    public bool MembershipOpen { get; init; }

    [BindNever]
    public int MaxLength { get; init; }

    /// <summary>Messages for the signed-in reader ("Your comment is awaiting moderation.").</summary>
    [BindNever]
    public IReadOnlyList<Notice> Notices { get; init; } = [];

    /// <summary>
    /// The comment list's HTML as a visitor sees this page of the thread, kept (<see cref="KeptShapes"/>): the same for
    /// every visitor until public content changes, so <see cref="Comments"/> is then left empty and not rendered again.
    /// </summary>
    [BindNever]
    public string? KeptListHtml { get; init; }

    /// <summary>Takes the comment list's HTML as rendered for a visitor, to keep it; null for a signed-in reader.</summary>
    [BindNever]
    public Action<string>? KeepList { get; init; }

    public string CountText => CommentCountText.Of(ApprovedCount);

    public bool ShowsForm => IsOpen && IsPublished && Rights.CanPost;

    public string PageUrl(int page) => page <= 1 ? $"{PostPath}#comments" : $"{PostPath}?commentPage={page}#comments";

    public string SignInUrl => "/login?ReturnUrl=" + Uri.EscapeDataString(PostPath);
}
