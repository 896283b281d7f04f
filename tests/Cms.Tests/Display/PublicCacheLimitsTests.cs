using Cms.Display;
using Microsoft.Extensions.Configuration;

namespace Cms.Tests.Display;

/// <summary>Issue 12, point 4: the in-memory output cache has a stated size, which a deployer may change.</summary>
public sealed class PublicCacheLimitsTests
{
    [Fact]
    public void SizeLimit_Is8MiB_UnlessConfigured()
    {
        Assert.Equal(8L * 1024 * 1024, PublicCacheLimits.SizeLimitBytes(Configuration(null)));
        Assert.Equal(32L * 1024 * 1024, PublicCacheLimits.SizeLimitBytes(Configuration("32")));
        Assert.Equal(1024L * 1024, PublicCacheLimits.MaximumBodyBytes);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    public void SizeLimit_BelowOneMiB_IsRefused_NamingTheSetting(string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => PublicCacheLimits.SizeLimitBytes(Configuration(value)));

        Assert.Contains(PublicCacheLimits.SizeLimitKey, error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(string? sizeLimitMiB)
        => new ConfigurationBuilder()
            .AddInMemoryCollection(sizeLimitMiB is null ? [] : [new KeyValuePair<string, string?>(PublicCacheLimits.SizeLimitKey, sizeLimitMiB)])
            .Build();
}
