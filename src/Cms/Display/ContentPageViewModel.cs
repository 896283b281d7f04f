using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Cms.Display;

/// <summary>A content item's page (public or preview), built by the display manager.</summary>
public sealed class ContentPageViewModel
{
    [BindNever]
    public required ContentItemDisplay Display { get; init; }

    /// <summary>What search engines and link previews read: canonical URL, description, Open Graph, JSON-LD.</summary>
    [BindNever]
    public required PageMetadata Metadata { get; init; }

    /// <summary>When the item was published, in the site's time zone (a preview of an unpublished item: now).</summary>
    [BindNever]
    public DateTime? PublishedLocal { get; init; }

    /// <summary>A preview of an unpublished version, shown to its editor with a banner saying so.</summary>
    [BindNever]
    public bool IsPreview { get; init; }
}

/// <summary>The view the display manager chose for an item's page (Content-{Type}, else Content) and its model.</summary>
public sealed record ContentPage(string ViewName, ContentPageViewModel Model);
