using Cms.Security;

namespace Modules.Contents;

/// <summary>
/// Orchard's per-type permissions for Securable types (e.g. "Publish_NewsCommentary"), each implied by
/// its general permission, so a role with PublishContent may publish every type.
/// </summary>
public static class ContentTypePermissions
{
    public static Permission Publish(string type) => Make("Publish", type, "Publish or unpublish {0} for others", ContentPermissions.PublishContent);
    public static Permission PublishOwn(string type) => Make("PublishOwn", type, "Publish or unpublish own {0}", ContentPermissions.PublishOwnContent, Publish(type));
    public static Permission Edit(string type) => Make("Edit", type, "Edit {0} for others", ContentPermissions.EditContent, Publish(type));
    public static Permission EditOwn(string type) => Make("EditOwn", type, "Edit own {0}", ContentPermissions.EditOwnContent, Edit(type), PublishOwn(type));
    public static Permission Delete(string type) => Make("Delete", type, "Delete {0} for others", ContentPermissions.DeleteContent);
    public static Permission DeleteOwn(string type) => Make("DeleteOwn", type, "Delete own {0}", ContentPermissions.DeleteOwnContent, Delete(type));
    public static Permission View(string type) => Make("View", type, "View {0} by others", ContentPermissions.ViewContent, Edit(type));
    public static Permission ViewOwn(string type) => Make("ViewOwn", type, "View own {0}", ContentPermissions.ViewOwnContent, View(type), EditOwn(type));
    public static Permission Preview(string type) => Make("Preview", type, "Preview {0} by others", ContentPermissions.PreviewContent, Edit(type));
    public static Permission PreviewOwn(string type) => Make("PreviewOwn", type, "Preview own {0}", ContentPermissions.PreviewOwnContent, Preview(type), EditOwn(type));
    public static Permission Clone(string type) => Make("Clone", type, "Clone {0} by others", ContentPermissions.CloneContent, Edit(type));
    public static Permission CloneOwn(string type) => Make("CloneOwn", type, "Clone own {0}", ContentPermissions.CloneOwnContent, Clone(type), EditOwn(type));

    public static IEnumerable<Permission> All(string type) =>
    [
        Publish(type), PublishOwn(type), Edit(type), EditOwn(type), Delete(type), DeleteOwn(type),
        View(type), ViewOwn(type), Preview(type), PreviewOwn(type), Clone(type), CloneOwn(type),
    ];

    private static Permission Make(string verb, string type, string description, params Permission[] impliedBy)
        => new($"{verb}_{type}", string.Format(System.Globalization.CultureInfo.InvariantCulture, description, type), impliedBy);
}
