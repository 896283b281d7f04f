using Cms.Security;

namespace Cms.Admin;

/// <summary>The admin area's gate, declared by the Admin module and checked by the framework's filter.</summary>
public static class AdminPermissions
{
    public static readonly Permission AccessAdminPanel = new("AccessAdminPanel", "Use the admin area");
}
