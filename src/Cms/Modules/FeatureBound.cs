namespace Cms.Modules;

/// <summary>
/// A service registered by a feature, so the framework can leave it out while the feature is
/// disabled (drivers, content handlers, permission providers, recipe steps, migrations, menus).
/// The service itself is made only when asked for, so a disabled feature's services are never built.
/// </summary>
public sealed class FeatureBound<T>(string featureId, Func<T> factory) where T : class
{
    private T? _service;

    public string FeatureId { get; } = featureId;

    public T Service => _service ??= factory();
}
