namespace Cms.Display;

/// <summary>The display types an item is built for, as Orchard names them.</summary>
public static class DisplayTypes
{
    /// <summary>The item's own page; a part's view is named after the part ("QuotePart").</summary>
    public const string Detail = "Detail";

    /// <summary>The item in a list; a part's view is "QuotePart.Summary".</summary>
    public const string Summary = "Summary";

    /// <summary>The editor; a part's view is "QuotePart.Edit".</summary>
    public const string Edit = "Edit";
}

/// <summary>
/// Where a part's view goes in its item's template. A driver declares it (Orchard's placement:
/// <c>context.View(model) with { Zone = Zones.Footer }</c>); templates render zones, never pick parts by name.
/// </summary>
public static class Zones
{
    /// <summary>The item's body, in the type's part order; the default.</summary>
    public const string Content = "Content";

    /// <summary>The line under the item (in a list: beside the permalink).</summary>
    public const string Footer = "Footer";
}
