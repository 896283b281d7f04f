using System.Text.Json.Nodes;
using Cms.Content;

namespace Modules.ContentApi.Services;

/// <summary>
/// An item as the REST API answers it: Orchard's content item JSON, plus the read-only sections of enabled modules
/// (<see cref="IContentApiSection"/>) under <see cref="ExtrasKey"/>. The entity tag is of this whole text, so a
/// section that changes (a quote found drifted) gives a new tag, and <c>If-Match</c> is compared against the same.
/// </summary>
public sealed class ItemRepresentation(ContentApiSections sections)
{
    /// <summary>Not a part: a write ignores it, so a client may send back what it read.</summary>
    public const string ExtrasKey = "Extras";

    /// <summary>Drops the sections read so far in this request (after a write).</summary>
    public void Forget() => sections.Forget();

    public async Task<string> TextAsync(ContentItem item) => (await JsonAsync([item]))[0].ToJsonString(ContentJson.Options);

    public async Task<string> ETagAsync(ContentItem item) => ItemETag.OfText(await TextAsync(item));

    /// <summary>The items' JSON, in their order; their sections read in one batch.</summary>
    public async Task<IReadOnlyList<JsonObject>> JsonAsync(IReadOnlyList<ContentItem> items)
    {
        var extras = await sections.ReadAsync(items);
        return items.Select(item =>
        {
            var json = item.ToJson();
            if (extras.GetValueOrDefault(item.ContentItemVersionId) is { } found)
            {
                json[ExtrasKey] = found.DeepClone();
            }

            return json;
        }).ToList();
    }
}
