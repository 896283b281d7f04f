using Cms.Modules;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Modules.ContentApi.Services;

public static class ContentApiSectionServices
{
    /// <summary>Adds <typeparamref name="TSection"/> to the items' API representation while the registering feature is enabled.</summary>
    public static FeatureServices AddContentApiSection<TSection>(this FeatureServices services)
        where TSection : class, IContentApiSection
    {
        services.AddFeatureBound<IContentApiSection, TSection>();
        services.TryAddScoped<ContentApiSections>();
        return services;
    }
}
