using Microsoft.AspNetCore.Authorization;

namespace Cms.Security;

public sealed class PermissionRequirement(Permission permission) : IAuthorizationRequirement
{
    public Permission Permission { get; } = permission;
}
