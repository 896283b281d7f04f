using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Modules.Comments.Models;

namespace Modules.Comments.ViewModels;

/// <summary>The moderation queue's filters, bound from the query string.</summary>
public sealed class ModerationFilter
{
    /// <summary>"pending" (the default), "approved", "spam", "deleted" or "all".</summary>
    public string? Status { get; set; }

    /// <summary>The content item id of one post.</summary>
    public string? Post { get; set; }

    /// <summary>The author's user name.</summary>
    public string? Author { get; set; }

    /// <summary>Words in the comment.</summary>
    public string? Q { get; set; }

    public int Page { get; set; } = 1;
}

public sealed class ModerationQueueViewModel
{
    [BindNever]
    public required ModerationFilter Filter { get; init; }

    [BindNever]
    public required IReadOnlyList<QueueEntry> Entries { get; init; }

    [BindNever]
    public bool HasNext { get; init; }

    /// <summary>This page's address, so a bulk action comes back to the same filters.</summary>
    [BindNever]
    public required string ReturnUrl { get; init; }

    /// <summary>The query string of the filters without the page, for the pager.</summary>
    [BindNever]
    public string QueryWithoutPage { get; init; } = "";
}

public sealed record QueueEntry(
    long Id, string AuthorName, IHtmlContent Html, DateTime CreatedUtc, CommentStatus Status,
    string ContentItemId, string PostTitle, string PostPath, bool IsReply, bool IsEdited);
