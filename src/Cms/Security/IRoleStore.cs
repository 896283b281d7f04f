namespace Cms.Security;

/// <summary>Roles and the permissions they hold, as the Roles recipe step and the admin change them.</summary>
public interface IRoleStore
{
    Task<IReadOnlyList<RoleInfo>> ListAsync();

    /// <summary>Creates the role when missing and adds the permissions it lacks.</summary>
    Task AddPermissionsAsync(string role, IEnumerable<string> permissions, string? description = null);

    /// <summary>Creates the role when missing and sets exactly these permissions.</summary>
    Task ReplacePermissionsAsync(string role, IEnumerable<string> permissions, string? description = null);

    Task RemovePermissionsAsync(string role, IEnumerable<string> permissions);
}

public sealed record RoleInfo(string Name, string Description, IReadOnlyList<string> Permissions);
