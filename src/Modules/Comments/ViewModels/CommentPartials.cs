namespace Modules.Comments.ViewModels;

/// <summary>The comment form: a new comment or a reply (<see cref="ParentId"/>), with the text and error of a refused post.</summary>
public sealed record CommentFormView(string ContentItemId, long? ParentId, int MaxLength, string? Text, string? Error)
{
    public string Action => $"/comments/{ContentItemId}";

    public string SubmitText => ParentId is null ? "Publish" : "Reply";

    /// <summary>The note under the text box (written by _CommentForm and by _CommentList's reply forms).</summary>
    public string Hint => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"Markdown: *emphasis*, **strong**, [a link](https://example.org), > quote. At most {MaxLength:N0} characters.");
}
