using Cms.Content;
using Cms.Display;

namespace Modules.Contents.Services;

/// <summary>An item's canonical URL is its address (from the configured base URL), or the home page's when it has none.</summary>
public sealed class AutorouteMetadataProvider(IAutorouteEntries entries, Cms.Settings.IPublicUrls urls) : IContentMetadataProvider
{
    public async Task ContributeAsync(ContentItem item, PageMetadata metadata)
        => metadata.CanonicalUrl = await entries.UrlOfAsync(item) ?? await urls.AbsoluteAsync("/");
}
