using Cms.Admin;
using Cms.Security;

namespace Modules.Admin;

public sealed class Permissions : IPermissionProvider
{
    public IEnumerable<Permission> GetPermissions() => [AdminPermissions.AccessAdminPanel];

    public IEnumerable<PermissionStereotype> GetDefaultStereotypes() =>
    [
        new(StandardRoles.Editor, [AdminPermissions.AccessAdminPanel]),
        new(StandardRoles.Moderator, [AdminPermissions.AccessAdminPanel]),
        new(StandardRoles.Author, [AdminPermissions.AccessAdminPanel]),
        new(StandardRoles.Contributor, [AdminPermissions.AccessAdminPanel]),
    ];
}
