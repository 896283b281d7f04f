using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Cms.Data;
using Cms.Display;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Site.Tests.Infrastructure;

namespace Site.Tests.Architecture;

/// <summary>
/// A request reads the site settings and the feature state once: a scoped snapshot over the cached
/// documents, however many middlewares, drivers, handlers and views ask (issue 11: they asked 4 and 3 times).
/// </summary>
public sealed class RequestReadsTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    // The accessor's slot is an AsyncLocal shared by every instance: this sees the request a read is made for.
    private static readonly HttpContextAccessor s_requests = new();

    public static TheoryData<string> Pages => new()
    {
        "/2020/09/11/sochi-meeting",
        "/",
        "/archive",
        "/tags",
        "/rss.xml",
        "/search?q=Lukashenko",
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task UncachedPage_ReadsEachDocumentOnce(string page)
    {
        var reader = site.CreateReader();

        var reads = await ReadsDuringAsync(async () =>
        {
            // Nothing cached, so the whole page is built (a query key the page ignores is served the cached page).
            await site.Services.GetRequiredService<IPublicCache>().EvictAllAsync();
            return await reader.GetAsync(page);
        });

        Assert.Equal(1, reads.GetValueOrDefault("SiteSettings"));
        Assert.Equal(1, reads.GetValueOrDefault("FeatureState"));
        Assert.All(reads, r => Assert.True(r.Value == 1, $"{page} read document {r.Key} {r.Value} times"));
    }

    [Fact]
    public async Task SignedInPages_ReadEachDocumentOnce()
    {
        var admin = await Accounts.SignedInClientAsync(site, SiteFactory.AdminUserName, SiteFactory.AdminPassword);
        foreach (var page in new[] { "/2020/09/11/sochi-meeting", "/admin", "/admin/contents" })
        {
            var reads = await ReadsDuringAsync(() => admin.GetAsync(page));

            Assert.Equal(1, reads.GetValueOrDefault("SiteSettings"));
            Assert.Equal(1, reads.GetValueOrDefault("FeatureState"));
            Assert.All(reads, r => Assert.True(r.Value == 1, $"{page} read document {r.Key} {r.Value} times"));
        }
    }

    /// <summary>Documents fetched from the process cache or the database while <paramref name="request"/> ran, by id.</summary>
    private async Task<IReadOnlyDictionary<string, int>> ReadsDuringAsync(Func<Task<HttpResponseMessage>> request)
    {
        var meter = site.Services.GetRequiredService<DocumentMetrics>().Meter;
        var reads = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter == meter)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            // The meter is process-wide: a background service (the scheduler, the link checker) reading the settings
            // while the request runs is not the page's read. As QueryCounter does, count only reads made for a request.
            if (s_requests.HttpContext is null)
            {
                return;
            }

            foreach (var tag in tags)
            {
                if (tag.Key == "document")
                {
                    reads.AddOrUpdate((string)tag.Value!, (int)value, (_, n) => n + (int)value);
                }
            }
        });
        listener.Start();

        var response = await request();

        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}");
        return reads;
    }
}
