using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Modules.Comments.ViewModels;

/// <summary>The author's own comment, open for editing while the edit window lasts.</summary>
public sealed class CommentEditViewModel
{
    [BindNever]
    public required long Id { get; init; }

    [BindNever]
    public required string PostPath { get; init; }

    [BindNever]
    public required string Text { get; init; }

    [BindNever]
    public string? Error { get; init; }

    [BindNever]
    public int MaxLength { get; init; }

    /// <summary>When the window for editing and deleting closes, in the site's time zone.</summary>
    [BindNever]
    public DateTime EditableUntilLocal { get; init; }
}
