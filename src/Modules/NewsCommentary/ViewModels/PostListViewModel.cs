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

public sealed record PostSummaryViewModel(ContentItemDisplay Display, string Url, DateTime? PublishedLocal);

public sealed record ArchiveMonthViewModel(int Year, int Month, int Count);

public sealed class ArchiveIndexViewModel
{
    [BindNever]
    public required IReadOnlyList<ArchiveMonthViewModel> Months { get; init; }
}
