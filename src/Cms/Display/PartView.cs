using Cms.Content;

namespace Cms.Display;

/// <summary>
/// One part's contribution to a page: the Razor view to render (named after the part, e.g.
/// "QuotePart.Summary") and its model. The active theme may override the view by name.
/// </summary>
public sealed record PartView(string PartName, string ViewName, object Model, double Position);

/// <summary>A content item built for a display type: its parts' views in the type's order.</summary>
public sealed class ContentItemDisplay(ContentItem item, string displayType, IReadOnlyList<PartView> parts)
{
    public ContentItem ContentItem { get; } = item;
    public string DisplayType { get; } = displayType;
    public IReadOnlyList<PartView> Parts { get; } = parts;

    public PartView? Part(string partName) => Parts.FirstOrDefault(p => p.PartName == partName);

    public IEnumerable<PartView> Except(params string[] partNames) => Parts.Where(p => !partNames.Contains(p.PartName));
}

/// <summary>An item's editor: each part's editor view in the type's order.</summary>
public sealed class ContentItemEditor(ContentItem item, IReadOnlyList<PartView> parts)
{
    public ContentItem ContentItem { get; } = item;
    public IReadOnlyList<PartView> Parts { get; } = parts;
}
