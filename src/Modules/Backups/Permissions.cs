using Cms.Security;

namespace Modules.Backups;

public sealed class Permissions : IPermissionProvider
{
    /// <summary>A backup holds every password hash and the key ring: only those who hold this see or start one.</summary>
    public static readonly Permission ManageBackups = new("ManageBackups", "See and start backups of the site");

    // No stereotype for other roles: Administrator, who holds every permission, is the one role that has it by default.
    public IEnumerable<Permission> GetPermissions() => [ManageBackups];
}
