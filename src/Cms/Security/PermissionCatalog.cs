using Cms.Modules;

namespace Cms.Security;

/// <summary>Every permission that enabled features declare, by name.</summary>
public interface IPermissionCatalog
{
    Task<IReadOnlyList<Permission>> ListAsync();

    Task<Permission?> FindAsync(string name);
}

public sealed class PermissionCatalog(IEnumerable<FeatureBound<IPermissionProvider>> providers, IFeatureManager features) : IPermissionCatalog
{
    public async Task<IReadOnlyList<Permission>> ListAsync()
    {
        var enabled = await features.GetEnabledAsync();
        return providers.Where(p => enabled.Contains(p.FeatureId))
            .SelectMany(p => p.Service.GetPermissions())
            .DistinctBy(p => p.Name)
            .ToList();
    }

    public async Task<Permission?> FindAsync(string name)
        => (await ListAsync()).FirstOrDefault(p => p.Name == name);
}
