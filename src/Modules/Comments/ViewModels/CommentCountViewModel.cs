using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Modules.Comments.ViewModels;

/// <summary>
/// The count link under a post on a list page. The count is read when the view renders, after every
/// post on the page has asked for one, so the whole page costs one query (see CommentCounts).
/// </summary>
public sealed class CommentCountViewModel(string url, Func<Task<int>> count)
{
    [BindNever]
    public string Url { get; } = url;

    public Task<int> CountAsync() => count();
}
