using Cms.Content;
using Cms.ContentDefinitions;
using Cms.Modules;

namespace Cms.Display;

public sealed class ContentDisplayManager(
    IContentDefinitionManager definitions,
    IEnumerable<FeatureBound<IContentPartDisplayDriver>> drivers,
    IFeatureManager features) : IContentDisplayManager
{
    public async Task<ContentItemDisplay> BuildDisplayAsync(ContentItem item, string displayType = "Detail")
    {
        var views = new List<PartView>();
        foreach (var (definition, driver) in await PartsAsync(item))
        {
            if (await driver.BuildDisplayAsync(item, definition, displayType) is { } view)
            {
                views.Add(view);
            }
        }

        return new ContentItemDisplay(item, displayType, views);
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

        return new ContentItemEditor(item, views);
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

    private async Task<List<(ContentTypePartDefinition, IContentPartDisplayDriver)>> PartsAsync(ContentItem item)
    {
        var type = await definitions.GetTypeAsync(item.ContentType);
        if (type is null)
        {
            return [];
        }

        var enabled = await features.GetEnabledAsync();
        var result = new List<(ContentTypePartDefinition, IContentPartDisplayDriver)>();
        foreach (var part in type.OrderedParts())
        {
            foreach (var driver in drivers.Where(d => d.Service.PartName == part.PartName && enabled.Contains(d.FeatureId)))
            {
                result.Add((part, driver.Service));
            }
        }

        return result;
    }
}
