using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Modules.Comments.ViewModels;

/// <summary>
/// The page answering a comment that was not stored: what was wrong, the way back to the post and,
/// where the text can be fixed or sent again later, the form holding what the reader wrote.
/// </summary>
public sealed class CommentRefusedViewModel
{
    [BindNever]
    public string Title { get; init; } = "Your comment was not posted";

    [BindNever]
    public required string Message { get; init; }

    [BindNever]
    public string? PostPath { get; init; }

    [BindNever]
    public CommentFormView? Form { get; init; }

    /// <summary>What the reader wrote, kept so it is not lost when the form cannot be offered again.</summary>
    [BindNever]
    public string? Text { get; init; }
}
