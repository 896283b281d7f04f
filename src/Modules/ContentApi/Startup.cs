using Cms.Display;
using Cms.Modules;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Modules.ContentApi.Endpoints;
using Modules.ContentApi.Models;
using Modules.ContentApi.Security;
using Modules.ContentApi.Services;

namespace Modules.ContentApi;

public sealed class Startup : ModuleStartup
{
    /// <summary>The default scheme: the token on /api, the sign-in cookie everywhere else.</summary>
    public const string SiteOrApiScheme = "SiteOrApi";

    public override void ConfigureServices(FeatureServices services)
    {
        services.AddModelContributor<ApiTokenModel>();
        services.AddScoped<ApiTokens>();
        services.AddScoped<ContentApiReader>();
        services.AddScoped<ItemRepresentation>();
        services.TryAddScoped<ContentApiSections>();
        services.AddScoped<ContentApiWriter>();
        services.AddSingleton<ApiCors>();
        services.AddSingleton<ApiCorsFilter>();
        AddAuthentication(services);
        AddCaching(services);
        services.AddOpenApi(ContentApiEndpoints.DocumentName, options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/content", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer<ContentApiDocument>();
        });
    }

    public override void Configure(IEndpointRouteBuilder routes) => routes.MapContentApiEndpoints();

    /// <summary>
    /// The token scheme, and a default scheme that picks it for every path under /api (REST and GraphQL alike) and the
    /// Identity cookie for the rest. Registered after the framework's Identity setup, so these defaults win.
    /// </summary>
    private static void AddAuthentication(FeatureServices services)
    {
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(ApiTokenAuthentication.Scheme, null)
            .AddPolicyScheme(SiteOrApiScheme, "The site's cookie, or an API token under /api", options =>
                options.ForwardDefaultSelector = context => ApiTokenHandler.IsApiPath(context) ? ApiTokenAuthentication.Scheme : IdentityConstants.ApplicationScheme);
        services.Configure<AuthenticationOptions>(options =>
        {
            options.DefaultAuthenticateScheme = SiteOrApiScheme;
            options.DefaultChallengeScheme = SiteOrApiScheme;
            options.DefaultForbidScheme = SiteOrApiScheme;
        });
    }

    /// <summary>Anonymous reads (one item, a page of the list) are cached as public pages are: same tag, so every content change evicts them on every node.</summary>
    private static void AddCaching(FeatureServices services)
    {
        services.AddSingleton<ApiCacheVaryPolicy>();
        services.AddSingleton<ApiListVaryPolicy>();
        services.Configure<OutputCacheOptions>(options => options.AddPolicy(ContentApiCache.Policy, policy => policy
            .Tag(IPublicCache.Tag)
            .AddPolicy<PublicQueryKeysPolicy>()
            .AddPolicy<ApiCacheVaryPolicy>()
            .AddPolicy<Cms.Telemetry.OutputCacheMetricsPolicy>()
            .Expire(TimeSpan.FromHours(1))));
        services.Configure<OutputCacheOptions>(options => options.AddPolicy(ContentApiCache.ListPolicy, policy => policy
            .Tag(IPublicCache.Tag)
            .AddPolicy<ApiListVaryPolicy>()
            .AddPolicy<ApiCacheVaryPolicy>()
            .AddPolicy<Cms.Telemetry.OutputCacheMetricsPolicy>()
            .Expire(TimeSpan.FromHours(1))));
    }
}
