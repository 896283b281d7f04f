using Cms.Modules;
using Microsoft.Extensions.DependencyInjection;

namespace Modules.Search.Services;

public static class SearchServiceExtensions
{
    /// <summary>Registers what a module contributes to search; harmless when no search feature is enabled.</summary>
    public static FeatureServices AddSearchContentProvider<TProvider>(this FeatureServices services)
        where TProvider : class, ISearchContentProvider
    {
        services.AddScoped<ISearchContentProvider, TProvider>();
        return services;
    }
}
