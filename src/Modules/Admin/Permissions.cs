using Cms.Admin;
using Cms.Security;

namespace Modules.Admin;

public sealed class Permissions : IPermissionProvider
{
    /// <summary>Orchard's name; no stereotype, so only Administrator holds it by default.</summary>
    public static readonly Permission ManageSettings = new("ManageSettings", "Manage the site settings (name, public address)");

    /// <summary>Orchard's name; no stereotype, so only Administrator holds it by default.</summary>
    public static readonly Permission ManageFeatures = new("ManageFeatures", "Enable and disable features");

    public IEnumerable<Permission> GetPermissions() => [AdminPermissions.AccessAdminPanel, ManageSettings, ManageFeatures];

    public IEnumerable<PermissionStereotype> GetDefaultStereotypes() =>
    [
        new(StandardRoles.Editor, [AdminPermissions.AccessAdminPanel]),
        new(StandardRoles.Moderator, [AdminPermissions.AccessAdminPanel]),
        new(StandardRoles.Author, [AdminPermissions.AccessAdminPanel]),
        new(StandardRoles.Contributor, [AdminPermissions.AccessAdminPanel]),
    ];
}
