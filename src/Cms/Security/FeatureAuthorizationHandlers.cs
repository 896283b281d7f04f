using Cms.Modules;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Security;

/// <summary>
/// Runs the authorization handlers that modules registered (AddAuthorizationHandler), those of enabled
/// features only. They are resolved when a check has a resource, so a check without one (and any check
/// before the site has a database) costs nothing.
/// </summary>
public sealed class FeatureAuthorizationHandlers(IServiceProvider services) : IAuthorizationHandler
{
    public async Task HandleAsync(AuthorizationHandlerContext context)
    {
        if (context.Resource is null)
        {
            return;
        }

        var enabled = await services.GetRequiredService<IFeatureManager>().GetEnabledAsync();
        foreach (var handler in services.GetServices<FeatureBound<IAuthorizationHandler>>().Where(h => enabled.Contains(h.FeatureId)))
        {
            await handler.Service.HandleAsync(context);
        }
    }
}
