using Cms.Security;

namespace Modules.Contents;

/// <summary>
/// Orchard's content permissions and their implications (Orchard's CommonPermissions), for other
/// modules to demand without referencing the Contents module. Demand the general permission with the
/// item as the resource (<c>AuthorizeAsync(user, EditContent, item)</c>): the Contents module's
/// authorization handler applies the "Own" and per-type variants.
/// </summary>
public static class ContentPermissions
{
    public static readonly Permission ListContent = new("ListContent", "List content items");
    public static readonly Permission PublishContent = new("PublishContent", "Publish or unpublish content for others");
    public static readonly Permission PublishOwnContent = new("PublishOwnContent", "Publish or unpublish own content", [PublishContent]);
    public static readonly Permission EditContent = new("EditContent", "Edit content for others", [PublishContent]);
    public static readonly Permission EditOwnContent = new("EditOwnContent", "Edit own content", [EditContent, PublishOwnContent]);
    public static readonly Permission DeleteContent = new("DeleteContent", "Delete content for others");
    public static readonly Permission DeleteOwnContent = new("DeleteOwnContent", "Delete own content", [DeleteContent]);
    public static readonly Permission ViewContent = new("ViewContent", "View all content", [EditContent]);
    public static readonly Permission ViewOwnContent = new("ViewOwnContent", "View own content", [ViewContent]);
    public static readonly Permission PreviewContent = new("PreviewContent", "Preview content", [EditContent, PublishContent]);
    public static readonly Permission PreviewOwnContent = new("PreviewOwnContent", "Preview own content", [PreviewContent]);
    public static readonly Permission CloneContent = new("CloneContent", "Clone content");
    public static readonly Permission CloneOwnContent = new("CloneOwnContent", "Clone own content", [CloneContent]);

    public static IReadOnlyList<Permission> All { get; } =
    [
        ListContent, PublishContent, PublishOwnContent, EditContent, EditOwnContent, DeleteContent, DeleteOwnContent,
        ViewContent, ViewOwnContent, PreviewContent, PreviewOwnContent, CloneContent, CloneOwnContent,
    ];
}
