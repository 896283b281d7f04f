namespace Cms.Modules;

/// <summary>
/// A service registered by a feature, so the framework can leave it out while the feature is
/// disabled (drivers, content handlers, permission providers, recipe steps, migrations, menus).
/// The service itself is made only when asked for, so a disabled feature's services are never built.
/// </summary>
public sealed class FeatureBound<T> where T : class
{
    private readonly Func<T>? _factory;
    private readonly IServiceProvider? _services;
    private readonly Func<IServiceProvider, T>? _make;
    private T? _service;

    public FeatureBound(string featureId, Func<T> factory)
    {
        FeatureId = featureId;
        _factory = factory;
    }

    /// <summary>
    /// Bound to a request's services through one factory shared by every request. A request binds every feature's
    /// services of a kind (handlers, drivers, permission providers); a delegate made for each one was 3 % of a
    /// cache miss's CPU (a delegate over an extension method is built by the runtime's slow path).
    /// </summary>
    public FeatureBound(string featureId, IServiceProvider services, Func<IServiceProvider, T> make)
    {
        FeatureId = featureId;
        _services = services;
        _make = make;
    }

    public string FeatureId { get; }

    public T Service => _service ??= _factory is not null ? _factory() : _make!(_services!);
}
