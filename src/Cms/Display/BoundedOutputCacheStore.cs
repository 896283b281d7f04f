using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace Cms.Display;

/// <summary>
/// The in-process output cache: at most <see cref="OutputCacheOptions.SizeLimit"/> bytes of pages, the least recently
/// asked for pushed out first, entries evicted by tag. ASP.NET Core's own memory store keeps each page as one array
/// (copied once more from the formatter's buffer, and on the large object heap from 85,000 bytes) in a MemoryCache
/// that, once full, rejects the page and compacts in the background, so that every miss of a crawl both stores and
/// compacts: the store was a third of a cache miss's allocations (bench/README.md, "Fifth pass"). Here a page is copied
/// once, from the formatter's buffer into chunks below the large object heap's threshold, and a full cache makes room
/// by dropping its oldest entries.
/// </summary>
public sealed class BoundedOutputCacheStore(IOptions<OutputCacheOptions> options, TimeProvider clock) : IOutputCacheBufferStore
{
    private const int ChunkBytes = 64 * 1024;

    private readonly long _limit = options.Value.SizeLimit;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _recent = new(); // the most recently stored or asked for first
    private long _size;

    /// <summary>The bytes the stored entries hold.</summary>
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

    public ValueTask<bool> TryGetAsync(string key, PipeWriter destination, CancellationToken cancellationToken)
    {
        if (Find(key) is not { } entry)
        {
            return ValueTask.FromResult(false);
        }

        foreach (var chunk in entry.Chunks)
        {
            destination.Write(chunk);
        }

        return Flushed(destination.FlushAsync(cancellationToken));
    }

    public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
        => ValueTask.FromResult(Find(key) is { } entry ? entry.Chunks.SelectMany(c => c).ToArray() : null);

    public ValueTask SetAsync(string key, ReadOnlySequence<byte> value, ReadOnlyMemory<string> tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        Add(new Entry(key, Chunks(value), tags.ToArray(), clock.GetUtcNow() + validFor));
        return ValueTask.CompletedTask;
    }

    public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
        => SetAsync(key, new ReadOnlySequence<byte>(value), tags ?? [], validFor, cancellationToken);

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

    private Entry? Find(string key)
    {
        lock (_lock)
        {
            if (!_entries.TryGetValue(key, out var node))
            {
                return null;
            }

            if (node.Value.Expires <= clock.GetUtcNow())
            {
                Remove(node);
                return null;
            }

            _recent.Remove(node);
            _recent.AddFirst(node);
            return node.Value;
        }
    }

    private void Add(Entry entry)
    {
        if (entry.Size > _limit)
        {
            return;
        }

        lock (_lock)
        {
            if (_entries.TryGetValue(entry.Key, out var old))
            {
                Remove(old);
            }

            while (_size + entry.Size > _limit && _recent.Last is { } oldest)
            {
                Remove(oldest);
            }

            _entries[entry.Key] = _recent.AddFirst(entry);
            _size += entry.Size;
        }
    }

    private void Remove(LinkedListNode<Entry> node)
    {
        _recent.Remove(node);
        _entries.Remove(node.Value.Key);
        _size -= node.Value.Size;
    }

    private static byte[][] Chunks(ReadOnlySequence<byte> value)
    {
        var chunks = new byte[(int)((value.Length + ChunkBytes - 1) / ChunkBytes)][];
        for (var i = 0; i < chunks.Length; i++)
        {
            var slice = value.Slice((long)i * ChunkBytes, Math.Min(ChunkBytes, value.Length - (long)i * ChunkBytes));
            chunks[i] = slice.ToArray();
        }

        return chunks;
    }

    private static async ValueTask<bool> Flushed(ValueTask<FlushResult> flush)
    {
        await flush;
        return true;
    }

    /// <summary>A stored page; its size counts its key and bytes, as the memory store counted the entry's.</summary>
    private sealed record Entry(string Key, byte[][] Chunks, string[] Tags, DateTimeOffset Expires)
    {
        public long Size { get; } = Chunks.Sum(c => (long)c.Length) + Key.Length * 2L;
    }
}
