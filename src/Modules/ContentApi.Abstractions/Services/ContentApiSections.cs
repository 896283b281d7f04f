using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Cms.Content;
using Cms.Modules;

namespace Modules.ContentApi.Services;

/// <summary>
/// The <see cref="IContentApiSection"/>s of enabled features, read for REST and GraphQL alike. A request's items
/// are read in batches: REST asks for a whole page at once; GraphQL announces a page (<see cref="Expect"/>) and the
/// first field that needs a section reads it for every announced item, so a page costs one read per section, not
/// one per item. Scoped: what was read is kept for the request.
/// </summary>
public sealed class ContentApiSections(IEnumerable<FeatureBound<IContentApiSection>> sections, IFeatureManager features)
{
    /// <summary>The content JSON's names (as stored), enums by name.</summary>
    public static readonly JsonSerializerOptions JsonOptions = new(ContentJson.Options) { Converters = { new JsonStringEnumConverter() } };

    private readonly Dictionary<string, JsonObject?> _read = new(StringComparer.Ordinal);
    private readonly List<ContentItem> _expected = [];
    private IReadOnlyList<IContentApiSection>? _enabled;

    /// <summary>The sections of enabled features.</summary>
    public async Task<IReadOnlyList<IContentApiSection>> EnabledAsync()
    {
        if (_enabled is null)
        {
            var enabled = await features.GetEnabledAsync();
            _enabled = sections.Where(s => enabled.Contains(s.FeatureId)).Select(s => s.Service).ToList();
        }

        return _enabled;
    }

    /// <summary>Each item's sections by name (an item with none is absent), reading only what this request has not read yet.</summary>
    public async Task<IReadOnlyDictionary<string, JsonObject>> ReadAsync(IReadOnlyList<ContentItem> items)
    {
        var unread = items.Where(i => !_read.ContainsKey(i.ContentItemVersionId)).DistinctBy(i => i.ContentItemVersionId).ToList();
        if (unread.Count > 0)
        {
            foreach (var item in unread)
            {
                _read[item.ContentItemVersionId] = null;
            }

            foreach (var section in await EnabledAsync())
            {
                var found = await section.ReadAsync(unread);
                foreach (var (versionId, value) in found)
                {
                    if (_read.ContainsKey(versionId))
                    {
                        var json = _read[versionId] ??= [];
                        json[section.Name] = JsonSerializer.SerializeToNode(value, section.Shape, JsonOptions);
                    }
                }
            }
        }

        var answer = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (_read.GetValueOrDefault(item.ContentItemVersionId) is { } json)
            {
                answer[item.ContentItemVersionId] = json;
            }
        }

        return answer;
    }

    /// <summary>Forgets what was read (a write may have changed it).</summary>
    public void Forget()
    {
        _read.Clear();
        _expected.Clear();
    }

    /// <summary>Announces a page of items whose sections may be asked for one by one (GraphQL): the first ask reads them all.</summary>
    public void Expect(IEnumerable<ContentItem> items) => _expected.AddRange(items);

    /// <summary>One section of one item, or null when it has none; reads every announced item not read yet along with it.</summary>
    public async Task<JsonObject?> SectionAsync(ContentItem item, string name)
    {
        if (!_read.ContainsKey(item.ContentItemVersionId))
        {
            var batch = _expected.Append(item).ToList();
            _expected.Clear();
            await ReadAsync(batch);
        }

        return _read.GetValueOrDefault(item.ContentItemVersionId)?[name] as JsonObject;
    }
}
