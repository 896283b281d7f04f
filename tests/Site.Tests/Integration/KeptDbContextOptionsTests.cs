using Cms.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Site.Tests.Infrastructure;

namespace Site.Tests.Integration;

/// <summary>
/// Issue 12 point 1: the database context's options are built once for the site's database, not in every request's
/// scope (a fifteenth of a cache miss's allocations), and built again when the shell settings change (setup, a move).
/// </summary>
public sealed class KeptDbContextOptionsTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task TwoScopes_ShareOneOptions_ThatStillCarryTheInterceptors()
    {
        var first = await site.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<DbContextOptions<CmsDbContext>>()));
        var second = await site.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<DbContextOptions<CmsDbContext>>()));

        Assert.Same(first, second);
        site.Queries.Reset();
        await site.InScopeAsync(sp => sp.GetRequiredService<CmsDbContext>().Documents.CountAsync());
        Assert.True(site.Queries.Count > 0, "a context made with the kept options is not seen by the site's interceptors");
    }

    [Fact]
    public void NewShellSettings_BuildNewOptions()
    {
        var kept = site.Services.GetRequiredService<KeptDbContextOptions>();
        var shell = site.Services.GetRequiredService<ShellSettingsStore>();
        var before = kept.Current;

        Assert.Same(before, kept.Current);
        var current = shell.Current!;
        shell.Use(current with { }); // the same database, as a new settings object: what setup and a move make
        Assert.NotSame(before, kept.Current);
    }
}
