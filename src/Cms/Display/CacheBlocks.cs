using System.Buffers;

namespace Cms.Display;

/// <summary>
/// The output cache's memory: blocks of <see cref="BlockBytes"/>, made once and used again and again. A page pushed out
/// of the cache gives its blocks back here and the next page stored takes them, so the cache's bytes stay in the GC's
/// oldest generation for good instead of each page being allocated, promoted through every generation and collected
/// there (a crawl of one-off pages did that a thousand times a second). Blocks kept for reuse are bounded by what the
/// cache may hold and does not: a page's blocks and the free ones together stay within the cache's size limit.
/// </summary>
public sealed class CacheBlocks
{
    /// <summary>4 KiB: a 20–45 KB page wastes 2 KB on average in its last block (the size limit counts whole blocks).</summary>
    public const int BlockBytes = 4096;

    private readonly Lock _lock = new();
    private readonly Stack<byte[]> _free = new();

    /// <summary>The bytes of the blocks kept for reuse.</summary>
    public long FreeBytes
    {
        get
        {
            lock (_lock)
            {
                return _free.Count * (long)BlockBytes;
            }
        }
    }

    public static int Count(long length) => (int)((length + BlockBytes - 1) / BlockBytes);

    /// <summary>Blocks holding a copy of <paramref name="value"/>: reused ones first, new ones when none are free.</summary>
    public byte[][] Rent(ReadOnlySequence<byte> value)
    {
        var blocks = new byte[Count(value.Length)][];
        lock (_lock)
        {
            for (var i = 0; i < blocks.Length; i++)
            {
                blocks[i] = _free.TryPop(out var block) ? block : null!;
            }
        }

        var offset = 0L;
        for (var i = 0; i < blocks.Length; i++)
        {
            blocks[i] ??= GC.AllocateUninitializedArray<byte>(BlockBytes);
            var part = value.Slice(offset, Math.Min(BlockBytes, value.Length - offset));
            part.CopyTo(blocks[i]);
            offset += part.Length;
        }

        return blocks;
    }

    /// <summary>Keeps a freed page's blocks for the next page, up to <paramref name="roomBytes"/> of free blocks in all
    /// (what the cache's limit leaves beside the pages stored); the rest go to the GC.</summary>
    public void Return(byte[][] blocks, long roomBytes)
    {
        lock (_lock)
        {
            foreach (var block in blocks)
            {
                if ((_free.Count + 1) * (long)BlockBytes > roomBytes)
                {
                    return;
                }

                _free.Push(block);
            }
        }
    }
}
