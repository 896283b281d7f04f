using Cms.Security;
using static Modules.Contents.ContentPermissions;

namespace Modules.Contents;

/// <summary>Declares Orchard's content permissions (<see cref="ContentPermissions"/>), the per-type ones of Securable types, and their default roles.</summary>
public sealed class Permissions : IPermissionProvider
{
    /// <summary>Orchard's name; no stereotype, so only Administrator holds it by default.</summary>
    public static readonly Permission EditContentTypes = new("EditContentTypes", "Edit content types: attach and remove parts, change part settings");

    public IEnumerable<Permission> GetPermissions() => [.. All, EditContentTypes];

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
