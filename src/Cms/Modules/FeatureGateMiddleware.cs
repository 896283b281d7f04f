using Microsoft.AspNetCore.Http;

namespace Cms.Modules;

/// <summary>Endpoint metadata naming the feature an endpoint belongs to.</summary>
public sealed record FeatureMetadata(string FeatureId);

/// <summary>Answers 404 for an endpoint whose feature is disabled, as if it did not exist.</summary>
public sealed class FeatureGateMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, IFeatureManager features)
    {
        var feature = context.GetEndpoint()?.Metadata.GetMetadata<FeatureMetadata>();
        if (feature is not null && !await features.IsEnabledAsync(feature.FeatureId))
        {
            context.SetEndpoint(null);
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        await next(context);
    }
}
