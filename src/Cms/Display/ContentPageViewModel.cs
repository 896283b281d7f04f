using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Cms.Display;

/// <summary>A content item's public page: its display, with dates in the site's time zone.</summary>
public sealed class ContentPageViewModel
{
    [BindNever]
    public required ContentItemDisplay Display { get; init; }

    [BindNever]
    public DateTime? PublishedLocal { get; init; }

    /// <summary>This page's address, for canonical links and sharing.</summary>
    [BindNever]
    public string Path { get; init; } = "";

    /// <summary>A preview of an unpublished version, shown to its editor with a banner saying so.</summary>
    [BindNever]
    public bool IsPreview { get; init; }
}
