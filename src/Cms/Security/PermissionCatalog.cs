using Cms.ContentDefinitions;
using Cms.Modules;

namespace Cms.Security;

/// <summary>Every permission that enabled features declare, by name, with the per-type ones of Securable types.</summary>
public interface IPermissionCatalog
{
    Task<IReadOnlyList<Permission>> ListAsync();

    Task<Permission?> FindAsync(string name);
}

public sealed class PermissionCatalog(
    IEnumerable<FeatureBound<IPermissionProvider>> providers,
    IFeatureManager features,
    IContentDefinitionManager definitions) : IPermissionCatalog
{
    public async Task<IReadOnlyList<Permission>> ListAsync()
    {
        var enabled = await features.GetEnabledAsync();
        var securable = (await definitions.ListTypesAsync()).Where(t => t.GetSettings().Securable).Select(t => t.Name).ToList();
        var active = providers.Where(p => enabled.Contains(p.FeatureId)).ToList();
        return active.SelectMany(p => p.Service.GetPermissions())
            .Concat(active.SelectMany(p => p.Service.GetTypePermissions(securable)))
            .DistinctBy(p => p.Name)
            .ToList();
    }

    public async Task<Permission?> FindAsync(string name)
        => (await ListAsync()).FirstOrDefault(p => p.Name == name);
}
