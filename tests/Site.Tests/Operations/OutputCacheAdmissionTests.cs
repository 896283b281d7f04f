using System.Net;
using Cms.Display;
using Microsoft.Extensions.DependencyInjection;
using Site.Tests.Infrastructure;

namespace Site.Tests.Operations;

/// <summary>
/// Issue 12 points 1 and 4: once the in-process output cache is full, a page at an address rendered for the first time
/// is written straight to the reader: the output cache neither buffers nor stores it ("could not be cached"). The same
/// address rendered a second time is kept, and its third request is a hit. Before the cache is full every page is kept
/// at its first render.
/// </summary>
public sealed class OutputCacheAdmissionTests
{
    private const string SeedPath = "/2020/09/11/sochi-meeting";

    [Fact]
    public async Task AFullCache_WritesAOneOffPageStraightThrough_AndKeepsAnAddressAtItsSecondRender()
    {
        await using var site = new OutputCacheLoggedSite();
        var reader = site.CreateReader();
        var store = site.Services.GetRequiredService<BoundedOutputCacheStore>();

        // Not full: kept at the first render, a hit at the second request.
        var page = await (await OkAsync(reader, $"{SeedPath}?nocache=first")).Content.ReadAsByteArrayAsync();
        Assert.Equal(["ResponseCached"], site.CacheOutcomes());
        Assert.NotNull((await OkAsync(reader, $"{SeedPath}?nocache=first")).Headers.Age);

        // Fill the 1 MiB cache: half as many pages again as it holds.
        const int limit = 1024 * 1024;
        for (var i = 0; i < limit * 3 / 2 / page.Length; i++)
        {
            await OkAsync(reader, $"{SeedPath}?nocache=fill{i}");
        }

        var full = store.Size;
        Assert.InRange(full, limit - page.Length * 11 / 10, limit);
        site.Logs.Clear();

        var first = await OkAsync(reader, $"{SeedPath}?nocache=oneoff");
        Assert.Null(first.Headers.Age);
        Assert.Contains("Sochi", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(["ResponseNotCached"], site.CacheOutcomes());
        Assert.Equal(full, store.Size);

        // An unread query key is the same address: "utm" does not change the page, so this is its second render.
        var second = await OkAsync(reader, $"{SeedPath}?nocache=oneoff&utm=x");
        Assert.Null(second.Headers.Age);
        Assert.Equal(["ResponseNotCached", "ResponseCached"], site.CacheOutcomes());

        var third = await OkAsync(reader, $"{SeedPath}?nocache=oneoff");
        Assert.NotNull(third.Headers.Age);
        Assert.True(store.Size <= limit);
    }

    private static async Task<HttpResponseMessage> OkAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }
}
