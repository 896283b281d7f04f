namespace Modules.Comments.Models;

/// <summary>
/// One comment, in its own table (never in the item's JSON): threads are read and counted by index
/// columns. <see cref="RootId"/> names the top-level comment of a reply, so a page of threads is one query.
/// </summary>
public sealed class Comment
{
    public const int AuthorNameLength = 256;

    public long Id { get; set; }
    public string ContentItemId { get; set; } = "";

    /// <summary>The comment this one answers; null for a top-level comment.</summary>
    public long? ParentId { get; set; }

    /// <summary>The top-level comment of the thread this reply sits in; null for a top-level comment.</summary>
    public long? RootId { get; set; }

    /// <summary>0 for a top-level comment, 1 for a reply to it, and so on.</summary>
    public int Depth { get; set; }

    public string AuthorId { get; set; } = "";

    /// <summary>The author's user name when posted, so a thread is shown without reading the users table.</summary>
    public string AuthorName { get; set; } = "";

    public string Markdown { get; set; } = "";
    public CommentStatus Status { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? EditedUtc { get; set; }
}

public enum CommentStatus
{
    Pending,
    Approved,
    Spam,
    Deleted,
}
