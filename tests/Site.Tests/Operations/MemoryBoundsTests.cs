using Cms.Display;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Site.Tests.Infrastructure;

namespace Site.Tests.Operations;

/// <summary>Issue 12, point 4: the running site's output cache is bounded as README.md says, and by configuration.</summary>
public sealed class MemoryBoundsTests
{
    [Fact]
    public async Task OutputCache_IsBounded_By32MiB_AndOneMiBAPage()
    {
        await using var site = new SiteFactory();

        var options = site.Services.GetRequiredService<IOptions<OutputCacheOptions>>().Value;

        Assert.Equal(PublicCacheLimits.DefaultSizeLimitMiB * 1024L * 1024, options.SizeLimit);
        Assert.Equal(PublicCacheLimits.MaximumBodyBytes, options.MaximumBodySize);
    }

    [Fact]
    public async Task OutputCache_Size_FollowsCms_PublicCache_SizeLimitMiB()
    {
        await using var site = new SiteFactory();
        site.Settings[PublicCacheLimits.SizeLimitKey] = "8";

        var options = site.Services.GetRequiredService<IOptions<OutputCacheOptions>>().Value;

        Assert.Equal(8L * 1024 * 1024, options.SizeLimit);
    }
}
