namespace Modules.NewsCommentary.ViewModels;

/// <summary>A link to another post: its title and address.</summary>
public sealed record PostLink(string Title, string Url);

/// <summary>Under a post: the previous (older) and next (newer) posts, and up to three related by tags.</summary>
public sealed record PostNavigationViewModel(PostLink? Previous, PostLink? Next, IReadOnlyList<PostLink> Related);
