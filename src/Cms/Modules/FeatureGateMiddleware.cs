using Cms.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Modules;

/// <summary>Endpoint metadata naming the feature an endpoint belongs to.</summary>
public sealed record FeatureMetadata(string FeatureId);

/// <summary>Answers 404 for an endpoint whose feature is disabled, as if it did not exist.</summary>
public sealed class FeatureGateMiddleware(RequestDelegate next, ShellSettingsStore shell)
{
    public async Task InvokeAsync(HttpContext context)
    {
        // Before setup there is no feature state; the setup gate lets only setup's own pages through.
        var feature = shell.IsSetUp ? context.GetEndpoint()?.Metadata.GetMetadata<FeatureMetadata>() : null;
        if (feature is not null
            && !await context.RequestServices.GetRequiredService<IFeatureManager>().IsEnabledAsync(feature.FeatureId))
        {
            context.SetEndpoint(null);
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        await next(context);
    }
}
