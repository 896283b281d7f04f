using Cms.Content;
using Cms.ContentDefinitions;

namespace Cms.Display;

/// <summary>The untyped face of a part driver, as the display manager calls it.</summary>
public interface IContentPartDisplayDriver
{
    string PartName { get; }

    /// <summary>
    /// The part's display is the same for every reader of a published version (no per-user state, no form, nothing
    /// read that changes without the public-pages signal moving), so a post page keeps its HTML per version
    /// (<see cref="KeptShapes"/>) and neither builds nor renders it again until a change a reader can see.
    /// </summary>
    bool DisplayIsSameForEveryReader { get; }

    /// <summary>Before the items of a list are built: load at once what each item's display will need (one query for all).</summary>
    Task PrepareDisplayAsync(IReadOnlyList<ContentItem> items, string displayType);

    Task<PartView?> BuildDisplayAsync(ContentItem item, ContentTypePartDefinition definition, string displayType);

    Task<PartView?> BuildEditorAsync(ContentItem item, ContentTypePartDefinition definition);

    /// <summary>Binds and validates the posted editor; applies the part to the item only when it is valid.</summary>
    Task UpdateEditorAsync(ContentItem item, ContentTypePartDefinition definition, IUpdateModel updater);
}

/// <summary>
/// Builds a part's display and editor and applies a posted editor. By default the display view is
/// named after the part and display type ("QuotePart", "QuotePart.Summary") and the editor "QuotePart.Edit".
/// </summary>
public abstract class ContentPartDisplayDriver<TPart> : IContentPartDisplayDriver where TPart : ContentPart, new()
{
    // Read once: Type.Name rebuilds the runtime's type cache after a GC has collected it (seen in the cache-miss
    // profile, where every list item asked each driver for its part's name).
    private static readonly string s_partName = typeof(TPart).Name;

    public string PartName => s_partName;

    /// <summary>False unless a driver says so: a display that is not the same for everyone must never be kept.</summary>
    public virtual bool DisplayIsSameForEveryReader => false;

    public virtual Task PrepareDisplayAsync(IReadOnlyList<ContentItem> items, string displayType) => Task.CompletedTask;

    public virtual Task<PartView?> DisplayAsync(TPart part, PartDisplayContext context)
        => Task.FromResult<PartView?>(context.View(part));

    public virtual Task<PartView?> EditAsync(TPart part, PartDisplayContext context)
        => Task.FromResult<PartView?>(context.View(part));

    /// <summary>Binds the posted values into the part and reports errors to the updater's model state.</summary>
    public abstract Task UpdateAsync(TPart part, IUpdateModel updater, PartDisplayContext context);

    async Task<PartView?> IContentPartDisplayDriver.BuildDisplayAsync(ContentItem item, ContentTypePartDefinition definition, string displayType)
        => await DisplayAsync(item.GetOrCreate<TPart>(), new PartDisplayContext(item, definition, displayType));

    async Task<PartView?> IContentPartDisplayDriver.BuildEditorAsync(ContentItem item, ContentTypePartDefinition definition)
        => await EditAsync(item.GetOrCreate<TPart>(), new PartDisplayContext(item, definition, DisplayTypes.Edit));

    async Task IContentPartDisplayDriver.UpdateEditorAsync(ContentItem item, ContentTypePartDefinition definition, IUpdateModel updater)
    {
        var part = item.GetOrCreate<TPart>();
        var errorsBefore = updater.ModelState.ErrorCount;
        var context = new PartDisplayContext(item, definition, DisplayTypes.Edit);
        await UpdateAsync(part, updater, context);
        PartText.AddXmlErrors(updater, context.Prefix, part);
        if (updater.ModelState.ErrorCount == errorsBefore)
        {
            item.Apply(definition.Name, part);
        }
    }
}

public sealed record PartDisplayContext(ContentItem ContentItem, ContentTypePartDefinition Definition, string DisplayType)
{
    /// <summary>The prefix of this part's form fields, e.g. "QuotePart".</summary>
    public string Prefix => Definition.Name;

    public bool IsSummary => DisplayType == DisplayTypes.Summary;

    /// <summary>The part's view for this display type, named by convention: "QuotePart" (Detail), "QuotePart.Summary", "QuotePart.Edit".</summary>
    public PartView View(object model)
        => View(DisplayType == DisplayTypes.Detail ? Definition.PartName : $"{Definition.PartName}.{DisplayType}", model);

    public PartView View(string viewName, object model)
        => new(Definition.Name, viewName, model, Definition.Position ?? 0);
}
