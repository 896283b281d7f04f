using Cms.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Site.Tests.Infrastructure;
using static Site.Tests.Infrastructure.RenderingSite;

namespace Site.Tests.Integration;

/// <summary>
/// Issue 12 point 1: a post or the home page missed by the output cache, once its values are kept, is written without
/// making an EF Core context at all (<see cref="LazyDbContext"/>): the feature gate, the settings, the public pages'
/// version and the kept queries ask for one only when they must read. On PostgreSQL the public pages' version is itself
/// a query (EF Core's), so each page makes exactly one, for that read. A list that reads rows still makes one, which
/// shows the count counts.
/// </summary>
public sealed class KeptMissWithoutDbContextTests : IDisposable
{
    private const string SeedPath = "/2020/09/11/sochi-meeting";
    private readonly CountingSite _site = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task APostAndTheHome_OnAMissFromKeptValues_MakeNoDbContext()
    {
        var reader = _site.CreateReader();
        foreach (var path in new[] { SeedPath, "/", SeedPath, "/" })
        {
            (await reader.GetAsync(Fresh(path))).EnsureSuccessStatusCode(); // the first of each keeps its values
        }

        _site.ContextsMade = 0;
        var post = await reader.GetStringAsync(Fresh(SeedPath));
        var home = await reader.GetStringAsync(Fresh("/"));

        Assert.Contains("Only a member of this blog may post a comment.", post, StringComparison.Ordinal);
        Assert.Contains(SeedPath, home, StringComparison.Ordinal);
        Assert.Equal(PostgresCluster.Enabled ? 2 : 0, _site.ContextsMade);

        (await reader.GetAsync(Fresh("/archive/2020/09"))).EnsureSuccessStatusCode(); // a month's list reads its rows
        Assert.True(_site.ContextsMade > 0);
    }

    /// <summary>
    /// A rendering site whose <see cref="CmsDbContext"/> registration counts the contexts requests make (not the
    /// cluster poll's or other background work's, which have no request).
    /// </summary>
    private sealed class CountingSite : SiteFactory
    {
        private int _made;

        public CountingSite() => UseFreshAddresses(this);

        public int ContextsMade
        {
            get => Volatile.Read(ref _made);
            set => Volatile.Write(ref _made, value);
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services =>
            {
                services.Remove(services.Single(d => d.ServiceType == typeof(CmsDbContext)));
                services.AddScoped(sp =>
                {
                    if (sp.GetRequiredService<IHttpContextAccessor>().HttpContext is not null)
                    {
                        Interlocked.Increment(ref _made);
                    }

                    return ActivatorUtilities.CreateInstance<CmsDbContext>(sp);
                });
            });
        }
    }
}
