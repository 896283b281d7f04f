namespace Cms.Security;

/// <summary>A module's permissions and the roles that hold them by default.</summary>
public interface IPermissionProvider
{
    IEnumerable<Permission> GetPermissions();

    /// <summary>Permissions that exist per content type: Orchard's per-type permissions of Securable types.</summary>
    IEnumerable<Permission> GetTypePermissions(IReadOnlyCollection<string> securableTypes) => [];

    /// <summary>Role name to the permissions that role is given when the feature is first enabled.</summary>
    IEnumerable<PermissionStereotype> GetDefaultStereotypes() => [];
}

public sealed record PermissionStereotype(string Role, IReadOnlyList<Permission> Permissions);
