using Cms.Display;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Modules.NewsCommentary.ViewModels;

/// <summary>A page of posts grouped under the dates they were published, newest first.</summary>
public sealed class PostListViewModel
{
    [BindNever]
    public required IReadOnlyList<PostDateGroup> Groups { get; init; }

    [BindNever]
    public int Page { get; init; } = 1;

    [BindNever]
    public bool HasNext { get; init; }

    /// <summary>The page's own heading, e.g. "September 2020" for a monthly archive; null on the home page.</summary>
    [BindNever]
    public string? Heading { get; init; }

    /// <summary>The address the pager adds ?page=N to.</summary>
    [BindNever]
    public string BasePath { get; init; } = "/";
}

public sealed record PostDateGroup(DateOnly Date, IReadOnlyList<PostSummaryViewModel> Posts);

/// <summary>
/// A post in a list: its Summary display, or the HTML that display rendered to, kept (<see cref="KeptShapes"/>), with
/// no parts built (<see cref="Display"/>'s parts are then empty). <see cref="Keep"/>, when set, takes the HTML the
/// display renders to, for the next page.
/// </summary>
public sealed record PostSummaryViewModel(ContentItemDisplay Display, DateTime? PublishedLocal)
{
    public string? KeptHtml { get; init; }

    public Action<string>? Keep { get; init; }
}

public sealed record ArchiveMonthViewModel(int Year, int Month, int Count);

public sealed class ArchiveIndexViewModel
{
    [BindNever]
    public required IReadOnlyList<ArchiveMonthViewModel> Months { get; init; }
}
