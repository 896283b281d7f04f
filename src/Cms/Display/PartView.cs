using Cms.Content;

namespace Cms.Display;

/// <summary>
/// One part's contribution to a page: the Razor view to render (named after the part, e.g.
/// "QuotePart.Summary"), its model, and the zone its driver placed it in. The active theme may
/// override the view by name.
/// </summary>
public sealed record PartView(string PartName, string ViewName, object Model, double Position)
{
    public string Zone { get; init; } = Zones.Content;

    /// <summary>The HTML this part's view rendered to for an earlier reader (<see cref="KeptShapes"/>): written as it is.</summary>
    public Microsoft.AspNetCore.Html.IHtmlContent? KeptHtml { get; init; }

    /// <summary>Takes the HTML the view renders to, to keep it for the next readers; null when it may not be kept.</summary>
    public Action<string>? Keep { get; init; }
}

/// <summary>A content item built for a display type: its parts' views in the type's order.</summary>
public sealed class ContentItemDisplay(ContentItem item, string displayType, IReadOnlyList<PartView> parts)
{
    public ContentItem ContentItem { get; } = item;
    public string DisplayType { get; } = displayType;
    public IReadOnlyList<PartView> Parts { get; } = parts;

    /// <summary>The parts placed in the zone, in the type's order.</summary>
    public IEnumerable<PartView> Zone(string zone) => Parts.Where(p => p.Zone == zone);
}

/// <summary>An item's editor: each part's editor view in the type's order.</summary>
public sealed class ContentItemEditor(ContentItem item, IReadOnlyList<PartView> parts)
{
    public ContentItem ContentItem { get; } = item;
    public IReadOnlyList<PartView> Parts { get; } = parts;

    /// <summary>Scripts enabled features add to the editor page (<see cref="EditorScript"/>), to load after the parts.</summary>
    public IReadOnlyList<string> Scripts { get; init; } = [];
}
