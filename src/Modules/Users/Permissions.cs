using Cms.Security;

namespace Modules.Users;

/// <summary>Declares <see cref="UsersPermissions"/>; the fields name the same objects, for this module's own code.</summary>
public sealed class Permissions : IPermissionProvider
{
    public static readonly Permission ManageUsers = UsersPermissions.ManageUsers;
    public static readonly Permission ManageRoles = UsersPermissions.ManageRoles;

    public IEnumerable<Permission> GetPermissions() => [ManageUsers, ManageRoles];
}
