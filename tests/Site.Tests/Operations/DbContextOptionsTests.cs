using Cms.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Site.Tests.Infrastructure;

namespace Site.Tests.Operations;

/// <summary>
/// Issue 12: the database options are built once per database (<see cref="CmsDbContextOptionsCache"/>), not once per
/// request, and still carry everything the per-request ones did.
/// </summary>
public sealed class DbContextOptionsTests
{
    [Fact]
    public async Task TwoRequests_ShareOneOptions_AndTheHostsInterceptorsStillSeeEveryCommand()
    {
        await using var site = new SiteFactory();
        _ = site.Services;

        var first = await site.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<DbContextOptions<CmsDbContext>>()));
        var second = await site.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<DbContextOptions<CmsDbContext>>()));
        Assert.Same(first, second);

        Assert.Contains(site.Queries, first.FindExtension<CoreOptionsExtension>()!.Interceptors!);
        Assert.True(await site.InScopeAsync(sp => sp.GetRequiredService<CmsDbContext>().Users.AnyAsync()));
    }

    [Fact]
    public async Task SettingsPutInUseAgain_BuildNewOptions()
    {
        await using var site = new SiteFactory();
        var shell = site.Services.GetRequiredService<ShellSettingsStore>();
        var before = await site.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<DbContextOptions<CmsDbContext>>()));

        // A move between databases (SiteTransfer) puts other settings in use; a copy of the same settings is new settings too.
        shell.Use(shell.Current! with { });
        var after = await site.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<DbContextOptions<CmsDbContext>>()));

        Assert.NotSame(before, after);
        Assert.True(await site.InScopeAsync(sp => sp.GetRequiredService<CmsDbContext>().Users.AnyAsync()));
    }
}
