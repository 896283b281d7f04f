using System.Net;
using System.Text.Json;
using Cms.Content;
using Cms.Data;
using Cms.Recipes;
using Microsoft.Extensions.DependencyInjection;
using Site.Tests.Infrastructure;

namespace Site.Tests.Cluster;

/// <summary>A second node of a site: its own App_Data, keys folder and caches; the first node's database.</summary>
public class SecondNodeFactory(SiteFactory first) : SiteFactory
{
    protected override bool SetUp => false;

    protected override void PrepareAppData()
    {
        var settings = first.Services.GetRequiredService<ShellSettingsStore>().Current!;
        File.WriteAllText(Path.Combine(AppData, "site.json"), JsonSerializer.Serialize(settings));
    }
}

/// <summary>
/// Two nodes on one database (PostgreSQL when the suite runs on it): a sign-in, a published post and
/// an applied recipe reach the other node within the invalidation interval (here 200 ms; 1 s by default).
/// </summary>
public sealed class TwoNodeTests : IDisposable
{
    private static readonly TimeSpan s_within = TimeSpan.FromSeconds(5);
    private readonly SiteFactory _a = new() { ClusterPollMilliseconds = 200 };
    private readonly SecondNodeFactory _b;

    public TwoNodeTests()
    {
        _ = _a.Services;
        _b = new SecondNodeFactory(_a) { ClusterPollMilliseconds = 200 };
    }

    public void Dispose()
    {
        _b.Dispose();
        _a.Dispose();
    }

    [Fact]
    public async Task UserSignedInOnA_IsSignedInOnB()
    {
        var signIn = await Accounts.SignInAsync(_a.CreateReader(), SiteFactory.AdminUserName, SiteFactory.AdminPassword);
        var cookie = string.Join("; ", signIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var onB = _b.CreateReader();
        onB.DefaultRequestHeaders.Add("Cookie", cookie);

        var response = await onB.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(SiteFactory.AdminUserName, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task PostPublishedOnA_IsServedByB()
    {
        var readerOfB = _b.CreateReader();
        Assert.DoesNotContain("Published On Node A", await readerOfB.GetStringAsync("/"));

        await _a.InScopeAsync(async sp =>
        {
            var cm = sp.GetRequiredService<IContentManager>();
            await cm.PublishAsync(TestPosts.New(cm, "Published On Node A", DateTime.UtcNow));
        });

        await Eventually(async () => (await readerOfB.GetStringAsync("/")).Contains("Published On Node A", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RecipeAppliedOnA_TakesEffectOnB()
    {
        var readerOfB = _b.CreateReader();
        Assert.DoesNotContain("Cluster Gazette", await readerOfB.GetStringAsync("/"));

        var result = await _a.InScopeAsync(sp => sp.GetRequiredService<IRecipeExecutor>().ExecuteAsync(
            """{ "name": "Rename", "steps": [ { "name": "settings", "SiteName": "Cluster Gazette" } ] }"""));

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        await Eventually(async () => (await readerOfB.GetStringAsync("/")).Contains("Cluster Gazette", StringComparison.Ordinal));
    }

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + s_within;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"not seen on the second node within {s_within.TotalSeconds} s");
            await Task.Delay(100);
        }
    }
}
