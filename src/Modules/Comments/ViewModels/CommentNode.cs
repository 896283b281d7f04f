using Microsoft.AspNetCore.Html;

namespace Modules.Comments.ViewModels;

/// <summary>
/// A comment as the reader sees it, with its replies. A removed comment that still has replies is
/// kept as a <see cref="Placeholder"/>, so the replies stay where they were written.
/// </summary>
public sealed class CommentNode
{
    public required long Id { get; init; }
    public required string AuthorName { get; init; }
    public required IHtmlContent Html { get; init; }
    public required DateTime CreatedLocal { get; init; }
    public bool IsEdited { get; init; }

    /// <summary>The reader's own comment, not yet approved: shown to them only.</summary>
    public bool IsPending { get; init; }

    /// <summary>Shown instead of a removed comment's text ("This comment has been deleted.").</summary>
    public string? Placeholder { get; init; }

    public bool CanEdit { get; init; }
    public bool CanReply { get; init; }
    public List<CommentNode> Replies { get; } = [];
}
