namespace Modules.Comments.ViewModels;

/// <summary>A comment with the thread it is in, for the recursive "_CommentNode" partial.</summary>
public sealed record CommentNodeView(CommentNode Node, CommentThreadViewModel Thread);

/// <summary>The comment form: a new comment or a reply (<see cref="ParentId"/>), with the text and error of a refused post.</summary>
public sealed record CommentFormView(string ContentItemId, long? ParentId, int MaxLength, string? Text, string? Error)
{
    public string Action => $"/comments/{ContentItemId}";

    public string SubmitText => ParentId is null ? "Publish" : "Reply";
}
