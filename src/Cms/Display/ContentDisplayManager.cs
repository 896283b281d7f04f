using System.Globalization;
using Cms.Content;
using Cms.ContentDefinitions;
using Cms.Modules;
using Cms.Settings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewEngines;

namespace Cms.Display;

public sealed class ContentDisplayManager(
    IContentDefinitionManager definitions,
    IEnumerable<FeatureBound<IContentPartDisplayDriver>> drivers,
    IEnumerable<FeatureBound<IContentMetadataProvider>> metadataProviders,
    IEnumerable<FeatureBound<EditorScript>> editorScripts,
    IFeatureManager features,
    ISiteService site,
    ICompositeViewEngine viewEngine,
    PublicContentVersion version,
    PublicContentCache<PageMetadata> keptMetadata,
    KeptShapes keptParts,
    TimeProvider clock) : IContentDisplayManager
{
    private readonly Dictionary<string, (ContentTypeDefinition Type, IReadOnlySet<string> Enabled, List<(ContentTypePartDefinition, IContentPartDisplayDriver)> Parts)> _displayParts = new(StringComparer.Ordinal);

    public async Task<ContentItemDisplay> BuildDisplayAsync(ContentItem item, string displayType = DisplayTypes.Detail)
    {
        var views = new List<PartView>();
        foreach (var (definition, driver) in await DisplayPartsAsync(item))
        {
            if (await driver.BuildDisplayAsync(item, definition, displayType) is { } view)
            {
                views.Add(view);
            }
        }

        return new ContentItemDisplay(item, displayType, views);
    }

    public async Task<IReadOnlyList<ContentItemDisplay>> BuildDisplaysAsync(IReadOnlyList<ContentItem> items, string displayType)
    {
        var itemsByDriver = new Dictionary<IContentPartDisplayDriver, List<ContentItem>>();
        foreach (var item in items)
        {
            foreach (var (_, driver) in await DisplayPartsAsync(item))
            {
                (itemsByDriver.TryGetValue(driver, out var list) ? list : itemsByDriver[driver] = []).Add(item);
            }
        }

        foreach (var (driver, list) in itemsByDriver)
        {
            await driver.PrepareDisplayAsync(list, displayType);
        }

        var displays = new List<ContentItemDisplay>();
        foreach (var item in items)
        {
            displays.Add(await BuildDisplayAsync(item, displayType));
        }

        return displays;
    }

    public async Task<ContentPage> BuildPageAsync(ContentItem item, ActionContext context, bool isPreview = false)
    {
        var settings = await site.GetAsync();

        // A published version's metadata (description, tags, JSON-LD) depends on that version, the settings and the
        // enabled features, each of which moves the public-pages signal when it changes: kept per version id under it,
        // as the profile of a cache miss showed it a tenth of the page. Views only read it. A preview is built each time.
        var metadata = isPreview || !item.Published
            ? await BuildMetadataAsync(item, settings)
            : await keptMetadata.GetOrBuildAsync(await version.GetAsync(), item.ContentItemVersionId, () => BuildMetadataAsync(item, settings));

        // A preview shows the date the item would get if it were published now.
        var published = isPreview ? item.PublishedUtc ?? clock.GetUtcNow().UtcDateTime : item.PublishedUtc;
        var model = new ContentPageViewModel
        {
            Display = isPreview || !item.Published ? await BuildDisplayAsync(item, DisplayTypes.Detail) : await BuildReadersDisplayAsync(item),
            Metadata = metadata,
            PublishedLocal = published is { } utc ? TimeZoneInfo.ConvertTimeFromUtc(utc, settings.TimeZone()) : null,
            IsPreview = isPreview,
        };
        var typed = $"Content-{item.ContentType}";
        return new ContentPage(viewEngine.FindView(context, typed, isMainPage: true).Success ? typed : "Content", model);
    }

    /// <summary>
    /// A published version's page as readers see it: each part whose display is the same for every reader
    /// (<see cref="IContentPartDisplayDriver.DisplayIsSameForEveryReader"/>) is written from the HTML it rendered to for
    /// an earlier reader under the same public-pages version, or built, rendered and kept (its zone with it; a part
    /// that shows nothing is kept as nothing). The rest (the comment thread, with its forms) is built for this reader.
    /// On a cache miss this skips the drivers' reads and a view for each kept part (issue 12 point 1).
    /// </summary>
    private async Task<ContentItemDisplay> BuildReadersDisplayAsync(ContentItem item)
    {
        const string displayType = DisplayTypes.Detail;
        var current = await version.GetAsync();
        var views = new List<PartView>();
        foreach (var (definition, driver) in await DisplayPartsAsync(item))
        {
            if (!driver.DisplayIsSameForEveryReader)
            {
                if (await driver.BuildDisplayAsync(item, definition, displayType) is { } own)
                {
                    views.Add(own);
                }

                continue;
            }

            // Two drivers may display one part (TagsPart: the tags, the post navigation).
            var id = string.Concat(item.ContentItemVersionId, "/", definition.Name, "/", driver.GetType().Name);
            if (keptParts.TryGet(current, id, displayType, out var kept))
            {
                if (kept.Length > 0)
                {
                    var zoneEnd = kept.IndexOf('\n', StringComparison.Ordinal);
                    views.Add(new PartView(definition.Name, "", "", definition.Position ?? 0) { Zone = kept[..zoneEnd], KeptHtml = new KeptHtmlTail(kept, zoneEnd + 1) });
                }

                continue;
            }

            if (await driver.BuildDisplayAsync(item, definition, displayType) is not { } view)
            {
                keptParts.Keep(current, id, displayType, "");
                continue;
            }

            var zone = view.Zone;
            views.Add(view with { Keep = html => keptParts.Keep(current, id, displayType, string.Concat(zone, "\n", html)) });
        }

        return new ContentItemDisplay(item, displayType, views);
    }

    private async Task<PageMetadata> BuildMetadataAsync(ContentItem item, SiteSettings settings)
    {
        var metadata = new PageMetadata
        {
            Title = item.DisplayText,
            SiteName = settings.SiteName,
            PublishedIso = Iso(item.PublishedUtc),
            ModifiedIso = Iso(item.ModifiedUtc),
        };
        var enabled = await features.GetEnabledAsync();
        foreach (var provider in metadataProviders.Where(p => enabled.Contains(p.FeatureId)))
        {
            await provider.Service.ContributeAsync(item, metadata);
        }

        metadata.CombineJsonLd();
        return metadata;
    }

    public async Task<ContentItemEditor> BuildEditorAsync(ContentItem item)
    {
        var views = new List<PartView>();
        foreach (var (definition, driver) in await PartsAsync(item))
        {
            if (await driver.BuildEditorAsync(item, definition) is { } view)
            {
                views.Add(view);
            }
        }

        var enabled = await features.GetEnabledAsync();
        return new ContentItemEditor(item, views)
        {
            Scripts = editorScripts.Where(s => enabled.Contains(s.FeatureId)).Select(s => s.Service.Src).ToList(),
        };
    }

    public async Task<bool> UpdateEditorAsync(ContentItem item, IUpdateModel updater)
    {
        var working = item.Clone();
        foreach (var (definition, driver) in await PartsAsync(working))
        {
            await driver.UpdateEditorAsync(working, definition, updater);
        }

        if (!updater.ModelState.IsValid)
        {
            return false;
        }

        item.CopyPartsFrom(working);
        return true;
    }

    /// <summary>
    /// The parts and drivers of a displayed item, worked out once per content type a request: a list of 11 summaries
    /// asked twice per item (prepare, then build) for the type's ordered parts, each driver's feature and part name
    /// (issue 12: a tenth of the home page's allocations). Kept only while the type definition and the enabled set
    /// this scope reads are the same objects, so a change made by this request is seen at once.
    /// </summary>
    private async Task<List<(ContentTypePartDefinition, IContentPartDisplayDriver)>> DisplayPartsAsync(ContentItem item)
    {
        var type = await definitions.GetTypeAsync(item.ContentType);
        if (type is null)
        {
            return [];
        }

        var enabled = await features.GetEnabledAsync();
        if (_displayParts.TryGetValue(item.ContentType, out var kept) && ReferenceEquals(kept.Type, type) && ReferenceEquals(kept.Enabled, enabled))
        {
            return kept.Parts;
        }

        var parts = Parts(type, enabled);
        _displayParts[item.ContentType] = (type, enabled, parts);
        return parts;
    }

    private async Task<List<(ContentTypePartDefinition, IContentPartDisplayDriver)>> PartsAsync(ContentItem item)
    {
        var type = await definitions.GetTypeAsync(item.ContentType);
        return type is null ? [] : Parts(type, await features.GetEnabledAsync());
    }

    private List<(ContentTypePartDefinition, IContentPartDisplayDriver)> Parts(ContentTypeDefinition type, IReadOnlySet<string> enabled)
    {
        var result = new List<(ContentTypePartDefinition, IContentPartDisplayDriver)>();
        foreach (var part in type.OrderedParts())
        {
            foreach (var driver in drivers.Where(d => enabled.Contains(d.FeatureId) && d.Service.PartName == part.PartName))
            {
                result.Add((part, driver.Service));
            }
        }

        return result;
    }

    private static string? Iso(DateTime? date) => date?.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
