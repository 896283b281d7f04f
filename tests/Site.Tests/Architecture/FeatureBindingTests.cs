using Cms.Content;
using Cms.Modules;
using Cms.Recipes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Modules.Search.Services;
using Site.Tests.Infrastructure;

namespace Site.Tests.Architecture;

/// <summary>
/// A disabled feature's content handlers, background tasks and recipe steps never run: they are bound to
/// their feature by how they are registered, not by a feature id written in their code.
/// </summary>
public sealed class FeatureBindingTests(FeatureBindingTests.Site site) : IClassFixture<FeatureBindingTests.Site>
{
    /// <summary>Hosted services that are not feature tasks, each with its reason.</summary>
    private static readonly Dictionary<string, string> s_unboundHostedServices = new(StringComparer.Ordinal)
    {
        ["ClusterSignals"] = "the framework's: keeps this node's caches true when another node changes the site",
        ["IdleMemoryTrim"] = "the framework's: gives the memory a load grew back once the load stops, whatever the features",
        ["UnattendedSetup"] = "runs before the site has a database, so before there is any feature state",
    };

    [Fact]
    public void ModulesRegister_HandlersAndStepsOnlyBoundToTheirFeature()
    {
        using var scope = site.Services.CreateScope();

        Assert.Empty(scope.ServiceProvider.GetServices<IContentHandler>());
        Assert.Empty(scope.ServiceProvider.GetServices<IRecipeStepHandler>());
        Assert.Contains(scope.ServiceProvider.GetServices<FeatureBound<IContentHandler>>(), h => h.FeatureId == "Search");
        var hosted = site.Services.GetServices<IHostedService>().Where(h => ProductAssemblies.All.Contains(h.GetType().Assembly)).ToList();
        var unbound = hosted
            .Where(h => !h.GetType().IsGenericType || h.GetType().GetGenericTypeDefinition() != typeof(BackgroundTaskHost<>))
            .Select(h => h.GetType().Name);
        Assert.Equal(s_unboundHostedServices.Keys.Order(StringComparer.Ordinal), unbound.Order(StringComparer.Ordinal));
        Assert.Contains(hosted, h => h.GetType().GetGenericArguments().FirstOrDefault()?.Name == "LinkCheckWorker");
    }

    [Fact]
    public async Task DisabledFeature_ItsHandlersTasksAndStepsDoNotRun_AndRunAgainOnceEnabled()
    {
        var counts = site.Services.GetRequiredService<Counts>();
        var task = site.Services.GetServices<IHostedService>().OfType<BackgroundTaskHost<CountingTask>>().Single();
        await SetSearchAsync(enabled: false);
        try
        {
            counts.Reset();
            var (id, _) = await PublishAsync("Quokka While Off");

            Assert.Equal(0, counts.Handled);
            Assert.Equal(0, await IndexedAsync("quokka"));
            Assert.False(await task.RunOnceAsync(CancellationToken.None));
            Assert.Equal(0, counts.Ran);
            var refused = await site.InScopeAsync(sp => sp.GetRequiredService<IRecipeExecutor>().ValidateAsync(
                """{ "name": "T", "steps": [ { "name": "CountingStep" } ] }"""));
            Assert.Contains(refused.Errors, e => e.Message.Contains("needs feature 'Search'", StringComparison.Ordinal));
        }
        finally
        {
            await SetSearchAsync(enabled: true);
        }

        await PublishAsync("Quokka While On");

        Assert.Equal(1, counts.Handled);
        Assert.True(await task.RunOnceAsync(CancellationToken.None));
        Assert.Equal(1, counts.Ran);

        // Enabling Search rebuilt its index, so the post published while it was off is found too.
        Assert.Equal(2, await IndexedAsync("quokka"));
    }

    private Task SetSearchAsync(bool enabled) => site.InScopeAsync(async sp =>
    {
        var features = sp.GetRequiredService<IFeatureManager>();
        var result = enabled ? await features.EnableAsync(["Search"]) : await features.DisableAsync(["Search"]);
        Assert.True(result.Succeeded, result.Error);
    });

    private Task<(string Id, string Path)> PublishAsync(string title) => site.InScopeAsync(async sp =>
    {
        var contentManager = sp.GetRequiredService<IContentManager>();
        var item = await contentManager.PublishAsync(TestPosts.New(contentManager, title, DateTime.UtcNow));
        return (item.ContentItemId, item.ContentItemVersionId);
    });

    private Task<int> IndexedAsync(string word)
        => site.InScopeAsync(sp => sp.GetRequiredService<ISearchStore>().CountAsync(SearchQuery.Parse(word)));

    /// <summary>The real site, with a content handler, a background task and a recipe step bound to Search that count their runs.</summary>
    public sealed class Site : SiteFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services =>
            {
                services.AddSingleton<Counts>();
                var search = new FeatureServices(services, "Search");
                search.AddContentHandler<CountingHandler>();
                search.AddBackgroundTask<CountingTask>(_ => null);
                search.AddRecipeStep<CountingStep>();
            });
        }
    }

    public sealed class Counts
    {
        private int _handled;
        private int _ran;

        public int Handled => Volatile.Read(ref _handled);
        public int Ran => Volatile.Read(ref _ran);

        public void Handle() => Interlocked.Increment(ref _handled);
        public void Run() => Interlocked.Increment(ref _ran);

        public void Reset()
        {
            Interlocked.Exchange(ref _handled, 0);
            Interlocked.Exchange(ref _ran, 0);
        }
    }

    public sealed class CountingHandler(Counts counts) : IContentHandler
    {
        public Task ChangedAsync(ContentChange change)
        {
            if (change.Kind == ContentChangeKind.Published)
            {
                counts.Handle();
            }

            return Task.CompletedTask;
        }
    }

    public sealed class CountingTask(Counts counts) : IBackgroundTask
    {
        public Task RunAsync(CancellationToken cancellationToken)
        {
            counts.Run();
            return Task.CompletedTask;
        }
    }

    public sealed class CountingStep : IRecipeStepHandler
    {
        public string Name => "CountingStep";

        public void Validate(RecipeStep step, RecipeValidationContext context)
        {
        }

        public Task ApplyAsync(RecipeStep step, RecipeApplyContext context) => Task.CompletedTask;
    }
}
