using Cms.Data;
using Cms.Hosting;
using Cms.Modules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Site.Tests.Infrastructure;

namespace Site.Tests.Upgrades;

/// <summary>
/// The start-up schema check (SchemaUpgrader and the features' data migrations) runs only when the stamp a check
/// left differs: another build, or the features changed since. Measured on the real database, by an index dropped
/// behind the check's back: a skipped check leaves it missing, a run check makes it again.
/// </summary>
public sealed class SchemaCheckTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task SetUpSite_IsStamped_SoTheCheckIsSkipped()
    {
        await site.CreateReader().GetStringAsync("/");

        var changes = await site.InScopeAsync(sp => sp.GetRequiredService<SchemaCheck>().EnsureUpToDateAsync());

        Assert.Null(changes);
    }

    [Fact]
    public async Task StampOfAnotherBuild_RunsTheCheck_AndAMatchingStampSkipsIt()
    {
        await site.CreateReader().GetStringAsync("/");
        var index = await DropAnIndexAsync();

        var skipped = await CheckAsync();
        var stillMissing = await HasIndexAsync(index.Table, index.Name);
        await SetStampAsync("""{"build":"an-older-build","featureState":1}""");
        var run = await CheckAsync();
        var again = await CheckAsync();

        Assert.Null(skipped);
        Assert.False(stillMissing);
        Assert.NotNull(run);
        Assert.Contains($"index {index.Name} created", run);
        Assert.True(await HasIndexAsync(index.Table, index.Name));
        Assert.Null(again);
    }

    [Fact]
    public async Task NoStamp_RunsTheCheck()
    {
        await site.CreateReader().GetStringAsync("/");
        var index = await DropAnIndexAsync();
        await site.InScopeAsync(sp => SchemaCheck.ForgetAsync(sp.GetRequiredService<CmsDbContext>()));

        var run = await CheckAsync();

        Assert.Contains($"index {index.Name} created", run!);
        Assert.Null(await CheckAsync());
    }

    [Fact]
    public async Task FeatureStateChangedSinceTheStamp_RunsTheCheck()
    {
        await site.CreateReader().GetStringAsync("/");
        Assert.Null(await CheckAsync());
        var index = await DropAnIndexAsync();

        // What enabling, disabling or migrating a feature does, on this node or another: the feature state's row moves on.
        await site.InScopeAsync(sp => sp.GetRequiredService<IDocumentStore>().UpdateAsync<FeatureStateDocument>(FeatureStateDocument.DocumentId, _ => { }));
        var run = await CheckAsync();

        Assert.Contains($"index {index.Name} created", run!);
        Assert.Null(await CheckAsync());
    }

    private Task<IReadOnlyList<string>?> CheckAsync()
        => site.InScopeAsync(sp => sp.GetRequiredService<SchemaCheck>().EnsureUpToDateAsync());

    private Task<(string Table, string Name)> DropAnIndexAsync() => site.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<CmsDbContext>();
        var index = db.Model.GetRelationalModel().Tables.Where(t => t.Name == DatabaseSchema.TableOf<Cms.Content.ContentItemRecord>(db))
            .SelectMany(t => t.Indexes).First(i => !i.IsUnique);
        var drop = $"DROP INDEX \"{index.Name}\"";
        await db.Database.ExecuteSqlRawAsync(drop);
        return (index.Table.Name, index.Name);
    });

    private Task<bool> HasIndexAsync(string table, string name)
        => site.InScopeAsync(async sp => (await DatabaseSchema.IndexesAsync(sp.GetRequiredService<CmsDbContext>(), table)).Contains(name));

    private Task SetStampAsync(string content) => site.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<CmsDbContext>();
        var update = $"UPDATE \"{DatabaseSchema.TableOf<DocumentRecord>(db)}\" SET \"Content\" = {{0}} WHERE \"Id\" = {{1}}";
        Assert.Equal(1, await db.Database.ExecuteSqlRawAsync(update, content, SchemaCheck.DocumentId));
    });
}
