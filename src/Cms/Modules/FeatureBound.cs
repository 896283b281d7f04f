namespace Cms.Modules;

/// <summary>
/// A service registered by a feature, so the framework can leave it out while the feature is
/// disabled (drivers, permission providers, recipe steps, migrations, menus).
/// </summary>
public sealed class FeatureBound<T>(string featureId, T service) where T : class
{
    public string FeatureId { get; } = featureId;
    public T Service { get; } = service;
}
