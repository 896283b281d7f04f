using System.Text.Json;
using Cms.Content;
using Cms.Modules;
using Cms.Display;
using Cms.Recipes.Export;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Modules.Contents.Drivers;
using Modules.Contents.Handlers;
using Modules.Contents.Indexes;
using Modules.Contents.Models;
using Modules.Contents.Security;
using Modules.Contents.Services;

namespace Modules.Contents;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(FeatureServices services)
    {
        services.AddContentPart<TitlePart>().UseDriver<TitlePartDriver>();
        services.AddContentPart<AutoroutePart>().UseDriver<AutoroutePartDriver>();
        services.AddContentHandler<TitlePartHandler>();
        services.AddContentHandler<AutoroutePartHandler>();
        services.AddModelContributor<AutorouteModel>();
        services.AddModelContributor<RedirectModel>();
        services.AddRecipeStep<Recipes.RedirectsStep>();
        services.AddScoped<Redirects>();
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(options => options.Filters.Add<QueryRedirectFilter>());
        foreach (var key in QueryRedirectFilter.Keys)
        {
            services.AddPublicCacheQueryKey(key);
        }

        services.AddExportStep<Recipes.RedirectsExportStep>();
        services.AddPermissions<Permissions>();
        services.AddSingleton<AutoroutePathGenerator>();
        services.TryAddSingleton<PublicContentCache<JsonElement>>();
        services.AddScoped<AutorouteEntries>();
        services.AddScoped<IAutorouteEntries>(sp => sp.GetRequiredService<AutorouteEntries>());
        services.AddAuthorizationHandler<ContentAuthorizationHandler>();
        services.AddContentMetadataProvider<AutorouteMetadataProvider>();
        services.AddScoped<ContentEditorBuilder>();
        services.AddScoped<PublishingEditor>();
        services.AddScoped<ContentTypeEditor>();
        services.AddScoped<ContentListQuery>();
        services.AddNavigationProvider<AdminMenu>();
    }
}
