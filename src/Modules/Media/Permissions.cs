using Cms.Security;

namespace Modules.Media;

/// <summary>Orchard's media permissions: ManageMedia for every file, ManageOwnMedia for the files one uploaded.</summary>
public sealed class Permissions : IPermissionProvider
{
    public static readonly Permission ManageMedia = new("ManageMedia", "Manage media");
    public static readonly Permission ManageOwnMedia = new("ManageOwnMedia", "Manage own media", [ManageMedia]);

    public IEnumerable<Permission> GetPermissions() => [ManageMedia, ManageOwnMedia];

    public IEnumerable<PermissionStereotype> GetDefaultStereotypes() =>
    [
        new(StandardRoles.Editor, [ManageMedia]),
        new(StandardRoles.Author, [ManageOwnMedia]),
        new(StandardRoles.Contributor, [ManageOwnMedia]),
    ];
}
