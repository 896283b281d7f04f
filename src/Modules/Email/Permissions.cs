using Cms.Security;

namespace Modules.Email;

public sealed class Permissions : IPermissionProvider
{
    public static readonly Permission ManageEmailSettings = new("ManageEmailSettings", "Manage e-mail settings");

    // No stereotype: only Administrator, who holds every permission, has it by default.
    public IEnumerable<Permission> GetPermissions() => [ManageEmailSettings];
}
