using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace Cms.Display;

/// <summary>
/// The in-process output cache: at most <see cref="OutputCacheOptions.SizeLimit"/> bytes of pages, the least recently
/// asked for pushed out first, entries evicted by tag. ASP.NET Core's own memory store keeps each page in a
/// MemoryCache that, once full, rejects new pages and compacts in the background; here a full cache pushes out the
/// oldest page at once. A page is the array the output cache serialised it to, kept as it is and handed back as it is
/// on a hit: no copy on either side. (A store that copies pages out through a pipe, <c>IOutputCacheBufferStore</c>,
/// made the cached post 32 % slower: the output cache then copies the page again into a buffer of its own before it
/// writes it; bench/README.md, "Cached pages again".)
/// A full cache admits a page only at its address's second render (<see cref="AdmitsNewPage"/>, asked before the page is
/// rendered by <see cref="OutputCacheAdmission"/>): under a flood of addresses asked for once (a crawler, a fresh query
/// string each request) it stores nothing, instead of storing every page and pushing out a page a moment later, which
/// promoted each page to the GC's oldest generation to die there: 20–40 MiB of peak memory under such a load (issue 12
/// point 4). A page asked for twice is served from the cache from its third request.
/// </summary>
public sealed class BoundedOutputCacheStore(IOptions<OutputCacheOptions> options, TimeProvider clock) : IOutputCacheStore
{
    private readonly long _limit = options.Value.SizeLimit;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _recent = new(); // the most recently stored or asked for first
    private readonly SeenKeys _seen = new(SeenSlots);
    private long _size;

    /// <summary>Keys the admission rule remembers: about 16 seconds of a flood at 1,000 new addresses a second (64 KiB).</summary>
    public const int SeenSlots = 16_384;

    /// <summary>The bytes the stored entries hold (their pages and their keys).</summary>
    public long Size
    {
        get
        {
            lock (_lock)
            {
                return _size;
            }
        }
    }

    /// <summary>
    /// Whether a page rendered now for the address with this hash is to be kept: yes while there is room for a page of
    /// the stored pages' mean size; once full, only for an address whose page was asked for before, within
    /// <see cref="SeenKeys"/>' memory (recorded here either way). Asked before the page is rendered, so that a page the
    /// cache would not keep goes straight to the client: the output cache neither copies it into a buffer of its own
    /// nor serialises it (issue 12 point 1: those copies were half the bytes a cache miss allocated).
    /// </summary>
    public bool AdmitsNewPage(int addressHash)
    {
        lock (_lock)
        {
            return _entries.Count == 0 || _size + _size / _entries.Count <= _limit || _seen.CheckAndRecord(addressHash);
        }
    }

    public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!_entries.TryGetValue(key, out var node))
            {
                return ValueTask.FromResult<byte[]?>(null);
            }

            if (node.Value.Expires <= clock.GetUtcNow())
            {
                Remove(node);
                return ValueTask.FromResult<byte[]?>(null);
            }

            _recent.Remove(node);
            _recent.AddFirst(node);
            return ValueTask.FromResult<byte[]?>(node.Value.Page);
        }
    }

    public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        var size = value.Length + key.Length * 2L;
        if (size > _limit)
        {
            return ValueTask.CompletedTask;
        }

        var entry = new Entry(key, value, size, tags ?? [], clock.GetUtcNow() + validFor);
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var old))
            {
                Remove(old);
            }

            while (_size + size > _limit && _recent.Last is { } oldest)
            {
                Remove(oldest);
            }

            _entries[key] = _recent.AddFirst(entry);
            _size += size;
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            for (var node = _recent.First; node is not null;)
            {
                var next = node.Next;
                if (node.Value.Tags.Contains(tag, StringComparer.Ordinal))
                {
                    Remove(node);
                }

                node = next;
            }
        }

        return ValueTask.CompletedTask;
    }

    private void Remove(LinkedListNode<Entry> node)
    {
        _recent.Remove(node);
        _entries.Remove(node.Value.Key);
        _size -= node.Value.Size;
    }

    /// <summary>A stored page (never changed once stored: a hit hands the same array to every reader); its size counts its key.</summary>
    private sealed record Entry(string Key, byte[] Page, long Size, string[] Tags, DateTimeOffset Expires);
}
