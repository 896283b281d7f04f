namespace Modules.Comments.ViewModels;

/// <summary>The count link under a post on a list page.</summary>
public sealed record CommentCountViewModel(string Url, int Count);
