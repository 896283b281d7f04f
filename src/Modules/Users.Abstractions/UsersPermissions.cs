using Cms.Security;

namespace Modules.Users;

/// <summary>The Users module's permissions, for other modules to demand (sending an invitation makes an account: ManageUsers).</summary>
public static class UsersPermissions
{
    public static readonly Permission ManageUsers = new("ManageUsers", "Manage users");
    public static readonly Permission ManageRoles = new("ManageRoles", "Manage roles and their permissions");
}
