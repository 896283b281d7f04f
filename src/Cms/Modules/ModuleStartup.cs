using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Modules;

/// <summary>
/// Each module has one class deriving from this, named Startup, that registers what it adds.
/// Nothing in a module is registered by convention or scanning.
/// </summary>
public abstract class ModuleStartup
{
    public virtual void ConfigureServices(FeatureServices services)
    {
    }

    /// <summary>
    /// Maps the module's endpoints. The builder is a group that answers 404 while the feature is disabled.
    /// </summary>
    public virtual void Configure(IEndpointRouteBuilder routes)
    {
    }
}
