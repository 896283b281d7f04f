using Cms.Security;

namespace Modules.Contents;

/// <summary>Orchard's content permissions, their implications and default roles.</summary>
public sealed class Permissions : IPermissionProvider
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

    private static readonly Permission[] s_all =
    [
        ListContent, PublishContent, PublishOwnContent, EditContent, EditOwnContent, DeleteContent, DeleteOwnContent,
        ViewContent, ViewOwnContent, PreviewContent, PreviewOwnContent, CloneContent, CloneOwnContent,
    ];

    public IEnumerable<Permission> GetPermissions() => s_all;

    public IEnumerable<Permission> GetTypePermissions(IReadOnlyCollection<string> securableTypes)
        => securableTypes.SelectMany(ContentTypePermissions.All);

    public IEnumerable<PermissionStereotype> GetDefaultStereotypes() =>
    [
        new(StandardRoles.Editor, [PublishContent, EditContent, DeleteContent, PreviewContent, CloneContent, ListContent]),
        new(StandardRoles.Author, [PublishOwnContent, EditOwnContent, DeleteOwnContent, PreviewOwnContent, CloneOwnContent]),
        new(StandardRoles.Contributor, [EditOwnContent, PreviewOwnContent, CloneOwnContent]),
        new(StandardRoles.Authenticated, [ViewContent]),
        new(StandardRoles.Anonymous, [ViewContent]),
    ];
}
