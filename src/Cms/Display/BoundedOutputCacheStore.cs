using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace Cms.Display;

/// <summary>
/// The in-process output cache: at most <see cref="OutputCacheOptions.SizeLimit"/> bytes of pages, the least recently
/// asked for pushed out first, entries evicted by tag. ASP.NET Core's own memory store keeps each page as one array
/// in a MemoryCache that, once full, rejects the page and compacts in the background; its store was a third of a cache
/// miss's allocations (bench/README.md, "Fifth pass"). Here a page is copied once, from the formatter's buffer into
/// blocks of <see cref="CacheBlocks.BlockBytes"/> that the cache keeps and reuses (<see cref="CacheBlocks"/>): a page
/// pushed out gives its blocks to the next page stored, so a crawl's stream of one-off pages makes no garbage for the
/// GC to promote and collect (the cache's churn was 20–30 MiB of a miss load's peak; bench/README.md, "peakmem").
/// </summary>
public sealed class BoundedOutputCacheStore(IOptions<OutputCacheOptions> options, TimeProvider clock) : IOutputCacheBufferStore
{
    private readonly long _limit = options.Value.SizeLimit;
    private readonly Lock _lock = new();
    private readonly CacheBlocks _blocks = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _recent = new(); // the most recently stored or asked for first
    private long _size;

    /// <summary>The bytes the stored entries hold (whole blocks, and their keys).</summary>
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

    /// <summary>The blocks kept for reuse, in bytes: with <see cref="Size"/>, never more than the limit once readers are done.</summary>
    public long FreeBytes => _blocks.FreeBytes;

    public ValueTask<bool> TryGetAsync(string key, PipeWriter destination, CancellationToken cancellationToken)
    {
        if (Find(key) is not { } entry)
        {
            return ValueTask.FromResult(false);
        }

        try
        {
            entry.CopyTo(destination);
        }
        finally
        {
            Release(entry);
        }

        return Flushed(destination.FlushAsync(cancellationToken));
    }

    public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        if (Find(key) is not { } entry)
        {
            return ValueTask.FromResult<byte[]?>(null);
        }

        try
        {
            var writer = new ArrayBufferWriter<byte>(entry.Length);
            entry.CopyTo(writer);
            return ValueTask.FromResult<byte[]?>(writer.WrittenSpan.ToArray());
        }
        finally
        {
            Release(entry);
        }
    }

    public ValueTask SetAsync(string key, ReadOnlySequence<byte> value, ReadOnlyMemory<string> tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        var size = CacheBlocks.Count(value.Length) * (long)CacheBlocks.BlockBytes + key.Length * 2L;
        if (size > _limit)
        {
            return ValueTask.CompletedTask;
        }

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

            // Copied under the lock (a few microseconds), into the blocks the pages just pushed out gave back.
            var entry = new Entry(key, _blocks.Rent(value), (int)value.Length, size, tags.ToArray(), clock.GetUtcNow() + validFor);
            _entries[key] = _recent.AddFirst(entry);
            _size += size;
        }

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

    /// <summary>The entry, with a reader's hold on its blocks (<see cref="Release"/> gives it back), or null.</summary>
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
            node.Value.Holds++;
            return node.Value;
        }
    }

    private void Remove(LinkedListNode<Entry> node)
    {
        _recent.Remove(node);
        _entries.Remove(node.Value.Key);
        _size -= node.Value.Size;
        ReleaseHeld(node.Value); // the cache's own hold
    }

    private void Release(Entry entry)
    {
        lock (_lock)
        {
            ReleaseHeld(entry);
        }
    }

    /// <summary>Drops one hold (the lock held); the last one (the cache's, or a reader's still copying a page pushed out
    /// meanwhile) gives the blocks back, so no block is reused while a reader copies from it.</summary>
    private void ReleaseHeld(Entry entry)
    {
        if (--entry.Holds == 0)
        {
            _blocks.Return(entry.Blocks, _limit - _size);
        }
    }

    private static async ValueTask<bool> Flushed(ValueTask<FlushResult> flush)
    {
        await flush;
        return true;
    }

    /// <summary>A stored page; its size counts its whole blocks and its key. One hold is the cache's own.</summary>
    private sealed class Entry(string key, byte[][] blocks, int length, long size, string[] tags, DateTimeOffset expires)
    {
        public string Key { get; } = key;
        public byte[][] Blocks { get; } = blocks;
        public int Length { get; } = length;
        public long Size { get; } = size;
        public string[] Tags { get; } = tags;
        public DateTimeOffset Expires { get; } = expires;
        public int Holds { get; set; } = 1;

        public void CopyTo(IBufferWriter<byte> destination)
        {
            var left = Length;
            foreach (var block in Blocks)
            {
                var part = Math.Min(left, block.Length);
                destination.Write(block.AsSpan(0, part));
                left -= part;
            }
        }
    }
}
