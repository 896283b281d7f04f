using Cms.ContentDefinitions;
using Cms.Modules;
using Cms.Security;

namespace Modules.Users.Services;

/// <summary>A heading of the role editor and the permissions under it.</summary>
public sealed record PermissionGroup(string Name, IReadOnlyList<Permission> Permissions);

/// <summary>
/// The permissions a role can be given, grouped by the feature that declares them (per-type ones under
/// their type). The set itself is the permission catalog's, the same one the Roles recipe step accepts.
/// </summary>
public sealed class PermissionGroups(
    IPermissionCatalog catalog,
    IEnumerable<FeatureBound<IPermissionProvider>> providers,
    IContentDefinitionManager definitions,
    ModuleCatalog modules)
{
    public async Task<IReadOnlyList<PermissionGroup>> ListAsync()
    {
        var all = await catalog.ListAsync();
        var securable = (await definitions.ListTypesAsync()).Where(t => t.GetSettings().Securable).ToList();
        var groupOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var provider in providers)
        {
            var feature = modules.Find(provider.FeatureId)?.Name ?? provider.FeatureId;
            foreach (var permission in provider.Service.GetPermissions())
            {
                groupOf.TryAdd(permission.Name, feature);
            }

            foreach (var type in securable)
            {
                var label = $"{feature}: {(type.DisplayName.Length > 0 ? type.DisplayName : type.Name)}";
                foreach (var permission in provider.Service.GetTypePermissions([type.Name]))
                {
                    groupOf.TryAdd(permission.Name, label);
                }
            }
        }

        return all
            .GroupBy(p => groupOf.GetValueOrDefault(p.Name, "Other"))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new PermissionGroup(g.Key, g.OrderBy(p => p.Name, StringComparer.Ordinal).ToList()))
            .ToList();
    }
}
