namespace Cms.Modules;

/// <summary>
/// Told when its feature is enabled (after the feature's migration ran, in the same transaction): a
/// feature whose content handlers did not run while it was off brings its indexes up to date here.
/// Register it with AddFeatureEventHandler, bound to the feature it belongs to.
/// </summary>
public interface IFeatureEventHandler
{
    Task EnabledAsync();
}
