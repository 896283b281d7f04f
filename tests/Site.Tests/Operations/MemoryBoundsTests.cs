using Cms.Data;
using Cms.Display;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Site.Tests.Infrastructure;

namespace Site.Tests.Operations;

/// <summary>Issue 12, point 4: the running site's output cache is bounded as README.md says, and by configuration.</summary>
public sealed class MemoryBoundsTests
{
    [Fact]
    public async Task OutputCache_IsBounded_By8MiB_AndOneMiBAPage()
    {
        await using var site = new SiteFactory();

        var options = site.Services.GetRequiredService<IOptions<OutputCacheOptions>>().Value;

        Assert.Equal(8L * 1024 * 1024, options.SizeLimit);
        Assert.Equal(PublicCacheLimits.MaximumBodyBytes, options.MaximumBodySize);
    }

    [Fact]
    public async Task OutputCache_Size_FollowsCms_PublicCache_SizeLimitMiB()
    {
        await using var site = new SiteFactory();
        site.Settings[PublicCacheLimits.SizeLimitKey] = "16";

        var options = site.Services.GetRequiredService<IOptions<OutputCacheOptions>>().Value;

        Assert.Equal(16L * 1024 * 1024, options.SizeLimit);
    }

    [Fact]
    public async Task TheSitesSqliteConnections_HoldA512KiBPageCache_OrWhatIsConfigured()
    {
        if (PostgresCluster.Enabled)
        {
            return; // PostgreSQL's memory is its server's, not the site's: there is no per-connection cache here to bound.
        }

        await using var site = new SiteFactory();
        site.Settings[SqlitePragmasInterceptor.CacheSizeKey] = "256";

        var cacheSize = await site.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CmsDbContext>();
            await db.Database.OpenConnectionAsync();
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA cache_size";
            return (long)(await command.ExecuteScalarAsync())!;
        });

        Assert.Equal(-256L, cacheSize);
        Assert.Equal(512, SqlitePragmasInterceptor.DefaultCacheSizeKiB);
    }
}
