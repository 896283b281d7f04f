using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Cms.Content;
using Microsoft.EntityFrameworkCore;

namespace Cms.Recipes.Steps;

/// <summary>
/// What the content step reports: one line per item whose stored versions it changed, "created" when the item had
/// no version before the step, else "updated". Each batch is looked at before it is written (<see cref="BeforeAsync"/>),
/// so the step never holds more than a batch of items: what it keeps of each is its ids and, for a version that
/// was stored before, a fingerprint (its columns and a hash of its JSON), in place of the JSON itself.
/// </summary>
internal sealed class ContentStepReport(IContentManager contentManager)
{
    /// <summary>Lookups take this many ids at a time, well under each database's limit on parameters.</summary>
    private const int LookupChunk = 1000;

    private readonly List<(string ItemId, string VersionId)> _keys = [];

    /// <summary>Each version as it was before the step first wrote it; null when it was not stored.</summary>
    private readonly Dictionary<string, StoredVersion?> _before = new(StringComparer.Ordinal);

    private readonly HashSet<string> _seenItems = new(StringComparer.Ordinal);
    private readonly HashSet<string> _existingItems = new(StringComparer.Ordinal);

    /// <summary>Notes the batch's versions and items as stored now, the first time each is seen. <paramref name="newVersions"/> were made by the step: none is stored.</summary>
    public async Task BeforeAsync(IReadOnlyList<ContentItem> batch, IReadOnlySet<string> newVersions)
    {
        var unseen = new List<string>();
        foreach (var item in batch)
        {
            _keys.Add((item.ContentItemId, item.ContentItemVersionId));
            if (newVersions.Contains(item.ContentItemVersionId))
            {
                _before.TryAdd(item.ContentItemVersionId, null);
            }
            else if (!_before.ContainsKey(item.ContentItemVersionId))
            {
                unseen.Add(item.ContentItemVersionId);
            }
        }

        var found = (await StoredAsync(unseen, withData: true)).ToDictionary(v => v.ContentItemVersionId, StringComparer.Ordinal);
        foreach (var versionId in unseen)
        {
            _before.TryAdd(versionId, found.GetValueOrDefault(versionId));
        }

        var items = batch.Select(i => i.ContentItemId).Where(_seenItems.Add).ToList();
        foreach (var chunk in items.Chunk(LookupChunk))
        {
            _existingItems.UnionWith(await contentManager.Query().Where(r => chunk.Contains(r.ContentItemId)).Select(r => r.ContentItemId).Distinct().ToListAsync());
        }
    }

    /// <summary>The report's lines, in the recipe's order, once every batch is written.</summary>
    public async Task WriteAsync(List<string> changes)
    {
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in _keys.Chunk(LookupChunk))
        {
            // A version that was not stored before is new whatever it holds: its JSON need not be read to tell.
            var versions = chunk.Select(k => k.VersionId).Distinct(StringComparer.Ordinal).ToList();
            var after = (await StoredAsync(versions.Where(v => _before[v] is not null), withData: true))
                .Concat(await StoredAsync(versions.Where(v => _before[v] is null), withData: false))
                .ToDictionary(v => v.ContentItemVersionId, StringComparer.Ordinal);
            foreach (var (itemId, versionId) in chunk)
            {
                var stored = after.GetValueOrDefault(versionId);
                if (stored is null || stored == _before[versionId])
                {
                    continue;
                }

                // One line per item: a new item's later versions (a draft over its published one) are part of its creation.
                if (reported.Add(itemId))
                {
                    var change = _existingItems.Contains(itemId) ? "updated" : "created";
                    changes.Add($"content item {change}: {stored.ContentType} '{stored.DisplayText}' ({stored.ContentItemId})");
                }
            }
        }
    }

    /// <summary>What the report needs of a stored version; two equal ones mean the version did not change.</summary>
    private sealed record StoredVersion(string ContentItemId, string ContentItemVersionId, string ContentType, string DisplayText, bool Latest, bool Published, UInt128 DataHash);

    /// <summary>The stored versions among these, whichever exist (a hash of their JSON when asked for: nothing is parsed or kept).</summary>
    private async Task<List<StoredVersion>> StoredAsync(IEnumerable<string> versionIds, bool withData)
    {
        var found = new List<StoredVersion>();
        foreach (var chunk in versionIds.Distinct(StringComparer.Ordinal).Chunk(LookupChunk))
        {
            var rows = contentManager.Query().Where(r => chunk.Contains(r.ContentItemVersionId))
                .Select(r => new { r.ContentItemId, r.ContentItemVersionId, r.ContentType, r.DisplayText, r.Latest, r.Published, Data = withData ? r.Data : "" })
                .AsAsyncEnumerable();
            await foreach (var r in rows)
            {
                found.Add(new StoredVersion(r.ContentItemId, r.ContentItemVersionId, r.ContentType, r.DisplayText, r.Latest, r.Published, Hash(r.Data)));
            }
        }

        return found;
    }

    private static UInt128 Hash(string data)
        => data.Length == 0 ? UInt128.Zero : BinaryPrimitives.ReadUInt128LittleEndian(SHA256.HashData(MemoryMarshal.AsBytes(data.AsSpan())));
}
