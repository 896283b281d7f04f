using Cms.Data;
using Microsoft.Extensions.DependencyInjection;
using Site.Tests.Infrastructure;

namespace Site.Tests.Framework;

/// <summary>
/// CmsDbContext.BeforeCommitAsync: work a long change's batches each ask for (merging SQLite's full-text index) runs
/// once, inside the transaction, just before it commits; never for a change that rolls back; at once without one.
/// </summary>
public sealed class BeforeCommitTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task InATransaction_RunsOnce_InsideIt_AfterTheWork()
    {
        var runs = new List<bool>(); // for each run: was the transaction still open
        await site.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CmsDbContext>();
            Task Merge()
            {
                runs.Add(db.Database.CurrentTransaction is not null);
                return Task.CompletedTask;
            }

            return await db.InTransactionAsync(async () =>
            {
                await db.BeforeCommitAsync(Merge);
                await db.BeforeCommitAsync(Merge);
                Assert.Empty(runs);
                return true;
            });
        });

        Assert.Equal([true], runs);
    }

    [Fact]
    public async Task ARolledBackChange_NeverRunsIt_NorDoesTheNextChange()
    {
        var runs = 0;
        await site.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CmsDbContext>();
            Task Merge()
            {
                runs++;
                return Task.CompletedTask;
            }

            await Assert.ThrowsAsync<InvalidOperationException>(() => db.InTransactionAsync<bool>(async () =>
            {
                await db.BeforeCommitAsync(Merge);
                throw new InvalidOperationException("a batch failed");
            }));
            Assert.Equal(0, runs);

            // The next change on the same context starts with nothing registered.
            await db.InTransactionAsync(() => Task.FromResult(true));
            return runs;
        });

        Assert.Equal(0, runs);
    }

    [Fact]
    public async Task WithoutATransaction_RunsAtOnce()
    {
        var runs = 0;
        await site.InScopeAsync(async sp =>
        {
            await sp.GetRequiredService<CmsDbContext>().BeforeCommitAsync(() =>
            {
                runs++;
                return Task.CompletedTask;
            });
            Assert.Equal(1, runs);
            return true;
        });
    }
}
