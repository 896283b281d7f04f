using System.Buffers;
using System.IO.Pipelines;
using Cms.Display;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace Cms.Tests.Display;

/// <summary>
/// Issue 12 points 1 and 4: the in-process output cache holds at most its size limit, pushes out the page least
/// recently asked for first, evicts by tag, forgets expired pages, and keeps a page in blocks it reuses, which give back
/// the same bytes, through a pipe (how the output cache reads) or as one array; a full cache stores a page without
/// allocating its bytes again, and never reuses a block a reader is still copying from.
/// </summary>
public sealed class BoundedOutputCacheStoreTests
{
    private static readonly ReadOnlyMemory<string> s_publicTag = new[] { "public" };

    private readonly Clock _clock = new();

    [Fact]
    public async Task AFullCache_PushesOutTheLeastRecentlyAskedFor()
    {
        const long limit = 3 * (CacheBlocks.BlockBytes + 2) + 100; // three one-block pages and their one-letter keys
        var store = Store(limit);
        await store.SetAsync("a", Page(1000, 1), ["public"], TimeSpan.FromHours(1), default);
        await store.SetAsync("b", Page(1000, 2), ["public"], TimeSpan.FromHours(1), default);
        await store.SetAsync("c", Page(1000, 3), ["public"], TimeSpan.FromHours(1), default);
        Assert.NotNull(await store.GetAsync("a", default)); // "a" asked for: "b" is now the oldest

        await store.SetAsync("d", Page(1000, 4), ["public"], TimeSpan.FromHours(1), default);

        Assert.Null(await store.GetAsync("b", default));
        Assert.Equal(Page(1000, 1), await store.GetAsync("a", default));
        Assert.NotNull(await store.GetAsync("c", default));
        Assert.NotNull(await store.GetAsync("d", default));
        Assert.True(store.Size <= limit);
    }

    [Fact]
    public async Task EvictByTag_RemovesThoseEntriesOnly_AndAPageAboveTheLimitIsNotStored()
    {
        var store = Store(limit: 10_000);
        await store.SetAsync("page", Page(100, 1), ["public"], TimeSpan.FromHours(1), default);
        await store.SetAsync("api", Page(100, 2), ["api"], TimeSpan.FromHours(1), default);
        await store.SetAsync("huge", Page(20_000, 3), ["public"], TimeSpan.FromHours(1), default);

        await store.EvictByTagAsync("public", default);

        Assert.Null(await store.GetAsync("page", default));
        Assert.Null(await store.GetAsync("huge", default));
        Assert.NotNull(await store.GetAsync("api", default));
    }

    [Fact]
    public async Task AnExpiredPage_IsNotServed()
    {
        var store = Store(limit: 10_000);
        await store.SetAsync("page", Page(100, 1), [], TimeSpan.FromMinutes(1), default);

        _clock.Now += TimeSpan.FromMinutes(2);

        Assert.Null(await store.GetAsync("page", default));
        Assert.Equal(0, store.Size);
    }

    [Fact]
    public async Task ALargePage_FromManySegments_IsReadBackWhole_ThroughAPipe()
    {
        var store = Store(limit: 1024 * 1024);
        var page = Page(200_000, 7);
        var sequence = Segments(page, 4096);
        await store.SetAsync("big", sequence, s_publicTag, TimeSpan.FromHours(1), default);

        // Never pausing the writer: the page is read only after it is written whole (a default pipe pauses at 64 KiB).
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 0));
        Assert.True(await store.TryGetAsync("big", pipe.Writer, default));
        await pipe.Writer.CompleteAsync();
        var read = await pipe.Reader.ReadAtLeastAsync(page.Length);

        Assert.Equal(page, read.Buffer.ToArray());
        Assert.False(await store.TryGetAsync("missing", new Pipe().Writer, default));
    }

    [Fact]
    public async Task AFullCache_StoresTheNextPage_InTheBlocksOfThePagePushedOut_AndKeepsWithinItsLimit()
    {
        const long limit = 100_000; // three pages of eight blocks
        var store = Store(limit);
        for (var i = 0; i < 10; i++)
        {
            await store.SetAsync("warm" + i, Page(30_000, (byte)i), ["public"], TimeSpan.FromHours(1), default);
        }

        var page = Page(30_000, 99);
        var before = GC.GetAllocatedBytesForCurrentThread();
        await store.SetAsync("next", page, ["public"], TimeSpan.FromHours(1), default);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(allocated < 2_000, $"storing a 30,000-byte page in a full cache allocated {allocated} bytes");
        Assert.Equal(page, await store.GetAsync("next", default));
        Assert.True(store.Size + store.FreeBytes <= limit, $"{store.Size} stored + {store.FreeBytes} free > {limit}");

        await store.EvictByTagAsync("public", default);

        Assert.Equal(0, store.Size);
        Assert.True(store.FreeBytes <= limit);
    }

    [Fact]
    public async Task APagePushedOutWhileBeingRead_IsReadWhole_AndItsBlocksAreNotReusedMeanwhile()
    {
        var store = Store(limit: 40_000);
        var page = Page(30_000, 5);
        await store.SetAsync("page", page, ["public"], TimeSpan.FromHours(1), default);
        var pipe = new Pipe();
        // While the cache copies the page out, the page is evicted and another stored: the other must take new blocks.
        var writer = new InterruptingWriter(pipe.Writer, async () =>
        {
            await store.EvictByTagAsync("public", default);
            await store.SetAsync("other", Page(30_000, 200), ["public"], TimeSpan.FromHours(1), default);
        });

        Assert.True(await store.TryGetAsync("page", writer, default));
        await pipe.Writer.CompleteAsync();
        var read = await pipe.Reader.ReadAtLeastAsync(page.Length + 1);

        Assert.Equal(page, read.Buffer.ToArray());
        Assert.Equal(Page(30_000, 200), await store.GetAsync("other", default));
        Assert.Null(await store.GetAsync("page", default));
    }

    private BoundedOutputCacheStore Store(long limit)
        => new(Options.Create(new OutputCacheOptions { SizeLimit = limit }), _clock);

    private static byte[] Page(int length, byte seed) => Enumerable.Range(0, length).Select(i => (byte)(i * 31 + seed)).ToArray();

    /// <summary>The formatter's buffer as a sequence of several segments.</summary>
    private static ReadOnlySequence<byte> Segments(byte[] bytes, int size)
    {
        Segment? first = null, last = null;
        for (var offset = 0; offset < bytes.Length; offset += size)
        {
            var memory = bytes.AsMemory(offset, Math.Min(size, bytes.Length - offset));
            last = last is null ? first = new Segment(memory, 0) : last.Append(memory);
        }

        return new ReadOnlySequence<byte>(first!, 0, last!, last!.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory) => (Segment)(Next = new Segment(memory, RunningIndex + Memory.Length));
    }

    /// <summary>A pipe's writer that runs an action (once) after the first bytes are written to it.</summary>
    private sealed class InterruptingWriter(PipeWriter inner, Func<Task> interrupt) : PipeWriter
    {
        private Func<Task>? _interrupt = interrupt;

        public override void Advance(int bytes)
        {
            inner.Advance(bytes);
            if (Interlocked.Exchange(ref _interrupt, null) is { } action)
            {
                action().GetAwaiter().GetResult();
            }
        }

        public override Memory<byte> GetMemory(int sizeHint = 0) => inner.GetMemory(sizeHint);

        public override Span<byte> GetSpan(int sizeHint = 0) => inner.GetSpan(sizeHint);

        public override void CancelPendingFlush() => inner.CancelPendingFlush();

        public override void Complete(Exception? exception = null) => inner.Complete(exception);

        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default) => inner.FlushAsync(cancellationToken);
    }

    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
