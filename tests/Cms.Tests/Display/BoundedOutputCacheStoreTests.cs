using Cms.Display;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace Cms.Tests.Display;

/// <summary>
/// Issue 12 points 1 and 4: the in-process output cache holds at most its size limit, pushes out the page least
/// recently asked for first, evicts by tag, forgets expired pages, and hands a hit the stored page itself, with no copy
/// (issue 12 point 6: cached pages at nginx's speed); once full, admits an address only at its second render, asked
/// before the page is rendered (issue 12 points 1 and 4: a flood of one-off addresses is neither buffered nor stored).
/// </summary>
public sealed class BoundedOutputCacheStoreTests
{
    private readonly SetClock _clock = new();

    [Fact]
    public async Task AFullCache_PushesOutTheLeastRecentlyAskedFor()
    {
        const long limit = 3 * (1000 + 2) + 100; // three pages and their one-letter keys
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
    public async Task AFullCache_AdmitsAnAddressAtItsSecondRenderOnly_SoAFloodOfOneOffAddressesKeepsThePagesItHolds()
    {
        const long limit = 3 * (1000 + 2 * 5) + 100; // three pages and their five-letter keys
        var store = Store(limit);
        foreach (var key in new[] { "home0", "post0", "tag00" })
        {
            Assert.True(store.AdmitsNewPage(key.GetHashCode())); // room: in at once
            await store.SetAsync(key, Page(1000, 1), ["public"], TimeSpan.FromHours(1), default);
        }

        var admitted = 0;
        for (var i = 0; i < 1000; i++) // a crawler: every address once
        {
            admitted += store.AdmitsNewPage($"x{i:0000}".GetHashCode()) ? 1 : 0;
        }

        Assert.Equal(0, admitted);

        // An address rendered again is let in; storing it pushes out the page least recently asked for ("home0").
        Assert.True(store.AdmitsNewPage("x0999".GetHashCode()));
        await store.SetAsync("x0999", Page(1000, 3), ["public"], TimeSpan.FromHours(1), default);
        Assert.Equal(Page(1000, 3), await store.GetAsync("x0999", default));
        Assert.Null(await store.GetAsync("home0", default));
        Assert.NotNull(await store.GetAsync("post0", default));

        // Once evicted by tag there is room again: the next address is in at its first render.
        await store.EvictByTagAsync("public", default);
        Assert.True(store.AdmitsNewPage("x0500".GetHashCode()));
        Assert.True(store.AdmitsNewPage("new00".GetHashCode()));
    }

    [Fact]
    public async Task TheRoomLeft_IsJudgedByTheStoredPagesMeanSize()
    {
        var store = Store(limit: 10_000);
        await store.SetAsync("a", Page(3000, 1), [], TimeSpan.FromHours(1), default);
        await store.SetAsync("b", Page(3000, 2), [], TimeSpan.FromHours(1), default);
        Assert.True(store.AdmitsNewPage(1)); // 6,004 stored + a mean page of 3,002 fits in 10,000

        await store.SetAsync("c", Page(3000, 3), [], TimeSpan.FromHours(1), default);
        Assert.False(store.AdmitsNewPage(2)); // 9,006 + 3,002 does not: a new address waits for its second render
        Assert.True(store.AdmitsNewPage(2));
    }

    [Fact]
    public void SeenKeys_RemembersAKeyUntilAnotherTakesItsSlot()
    {
        var one = new SeenKeys(1); // one slot: every key shares it
        int a = "a".GetHashCode(StringComparison.Ordinal), b = "b".GetHashCode(StringComparison.Ordinal);
        Assert.False(one.CheckAndRecord(a));
        Assert.True(one.CheckAndRecord(a));
        Assert.False(one.CheckAndRecord(b));
        Assert.False(one.CheckAndRecord(a)); // "b" took its place

        var many = new SeenKeys(BoundedOutputCacheStore.SeenSlots);
        var post = "/2020/09/11/sochi-meeting".GetHashCode(StringComparison.Ordinal);
        Assert.False(many.CheckAndRecord(post));
        Assert.True(many.CheckAndRecord(post));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SeenKeys(1000));
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
    public async Task AHit_HandsBackTheStoredArrayItself_AndTheStoreIsNotABufferStore()
    {
        var store = Store(limit: 1024 * 1024);
        var page = Page(35_000, 7);
        await store.SetAsync("post", page, ["public"], TimeSpan.FromHours(1), default);

        Assert.Same(page, await store.GetAsync("post", default));
        Assert.Same(page, await store.GetAsync("post", default));
        Assert.Null(await store.GetAsync("missing", default));
        // A buffer store is read through a pipe into the output cache's own buffer: two copies of every cached page
        // a hit (the cached post was 32 % slower that way).
        Assert.False(typeof(IOutputCacheBufferStore).IsAssignableFrom(store.GetType()));
    }

    private BoundedOutputCacheStore Store(long limit)
        => new(Options.Create(new OutputCacheOptions { SizeLimit = limit }), _clock);

    private static byte[] Page(int length, byte seed) => Enumerable.Range(0, length).Select(i => (byte)(i * 31 + seed)).ToArray();
}
