using Microsoft.AspNetCore.Mvc.ModelBinding;
using Modules.NewsCommentary.Models;
using Modules.NewsCommentary.Services;

namespace Modules.NewsCommentary.ViewModels;

/// <summary>A post's tags as links to their pages.</summary>
public sealed record TagsPartViewModel(IReadOnlyList<TagName> Tags);

/// <summary>The tags editor: one comma-separated field, with the tags already in use offered.</summary>
public sealed class TagsPartEditViewModel
{
    public string? Tags { get; set; }

    [BindNever]
    public IReadOnlyList<string> InUse { get; init; } = [];
}

/// <summary>The /tags page: every tag on a published post, with its count.</summary>
public sealed class TagIndexViewModel
{
    [BindNever]
    public required IReadOnlyList<TagCount> Tags { get; init; }
}

/// <summary>A tag's page: its posts as on the home page, and its feeds.</summary>
public sealed class TagPageViewModel
{
    [BindNever]
    public required TagName Tag { get; init; }

    [BindNever]
    public required PostListViewModel Posts { get; init; }

    /// <summary>The site's name, for the page's description and its feeds' titles.</summary>
    [BindNever]
    public required string SiteName { get; init; }
}
