using Cms.Modules;
using Microsoft.Extensions.DependencyInjection;

namespace Modules.Search.Services;

public static class SearchServiceExtensions
{
    /// <summary>
    /// Registers what a module contributes to search, bound to the registering feature (its items stop being
    /// searchable while it is disabled); harmless when Search itself is not enabled.
    /// </summary>
    public static FeatureServices AddSearchContentProvider<TProvider>(this FeatureServices services)
        where TProvider : class, ISearchContentProvider
        => services.AddFeatureBound<ISearchContentProvider, TProvider>();
}
