using Cms.Security;

namespace Modules.Users;

public sealed class Permissions : IPermissionProvider
{
    public static readonly Permission ManageUsers = new("ManageUsers", "Manage users");
    public static readonly Permission ManageRoles = new("ManageRoles", "Manage roles and their permissions");

    public IEnumerable<Permission> GetPermissions() => [ManageUsers, ManageRoles];
}
