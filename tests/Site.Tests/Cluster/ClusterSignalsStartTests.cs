using System.Data.Common;
using Cms.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Site.Tests.Infrastructure;

namespace Site.Tests.Cluster;

/// <summary>
/// A node's looks for other nodes' changes around its start (issue 12 point 5): one before it serves anything, then
/// the next an interval later, not a second one at once while the node answers its first requests.
/// </summary>
public sealed class ClusterSignalsStartTests : IDisposable
{
    private readonly SiteFactory _first = new();

    public void Dispose() => _first.Dispose();

    [Fact]
    public async Task ARestartedNode_LooksOnceBeforeServing_AndNotAgainBeforeItsInterval()
    {
        _ = _first.Services;
        var looks = new TaggedCommands(ClusterSignals.LookTag);
        using var node = new RestartedNode(_first, looks) { ClusterPollMilliseconds = 60_000 };

        _ = node.Services;
        Assert.Equal(1, looks.Count);

        (await node.CreateClient().GetAsync("/")).EnsureSuccessStatusCode();
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(1, looks.Count);
    }

    /// <summary>The first site's database and settings, started anew (a second node) with a meter of the looks.</summary>
    private sealed class RestartedNode(SiteFactory first, TaggedCommands looks) : SecondNodeFactory(first)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<IInterceptor>(looks));
        }
    }

    /// <summary>Counts the commands whose SQL carries a query tag.</summary>
    private sealed class TaggedCommands(string tag) : DbCommandInterceptor
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            CountIfTagged(command);
            return base.ReaderExecuting(command, eventData, result);
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            CountIfTagged(command);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        private void CountIfTagged(DbCommand command)
        {
            if (command.CommandText.Contains(tag, StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _count);
            }
        }
    }
}
