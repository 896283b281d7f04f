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
/// </summary>
public sealed class BoundedOutputCacheStore(IOptions<OutputCacheOptions> options, TimeProvider clock) : IOutputCacheStore
{
    private readonly long _limit = options.Value.SizeLimit;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _recent = new(); // the most recently stored or asked for first
    private long _size;

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
