using System.Reflection;
using Cms.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Data;

/// <summary>
/// EF Core models compiled ahead of time for this host (`dotnet ef dbcontext optimize`, tools/EfModel), one per
/// provider, registered by the host: a start then loads generated code instead of running every OnModelCreating and
/// EF Core's conventions (365–494 ms of a start; issue 12 point 5). A compiled model is used only where the runtime
/// one would be the same: the same provider, no table prefix (table names are in the model), and the same model
/// contributors in the same order, which each model names in an annotation (see <see cref="CmsDbContext"/>). Any
/// other site (a prefix, another host's modules) builds its model at run time, as before.
/// </summary>
/// <param name="byProvider">Each provider's model, loaded on its first use only (the other provider's never).</param>
public sealed class CompiledSiteModels(IEnumerable<IModelContributor> contributors, IReadOnlyDictionary<string, Func<IModel>> byProvider)
{
    private readonly Lazy<string> _contributors = new(() => CmsDbContext.ContributorsKey(contributors));

    /// <summary>The compiled model for a site with these settings, or null when it must build its own.</summary>
    public IModel? For(SiteShellSettings settings)
    {
        if (settings.TablePrefix.Length > 0 || !byProvider.TryGetValue(settings.DatabaseProvider, out var load))
        {
            return null;
        }

        var model = load();
        return model.FindAnnotation(CmsDbContext.ContributorsAnnotation)?.Value as string == _contributors.Value ? model : null;
    }

    /// <summary>
    /// A context whose model is built at run time, as by a site on these settings whose host registers no compiled
    /// model: the framework's and every module's services (<see cref="CmsServiceCollectionExtensions.AddCms"/>, the
    /// modules this process's dependencies hold). What tools/EfModel compiles, and what the tests compare it with.
    /// </summary>
    public static CmsDbContext CreateRuntimeModelContext(SiteShellSettings settings)
    {
        var builder = WebApplication.CreateBuilder();

        // A folder that does not exist: no site.json is read, none written.
        builder.Configuration["Cms:AppData"] = Path.Combine(Path.GetTempPath(), "cms-model-" + Guid.NewGuid().ToString("N"));
        builder.AddCms();
        var services = builder.Services.BuildServiceProvider();
        services.GetRequiredService<ShellSettingsStore>().Use(settings);
        return services.CreateScope().ServiceProvider.GetRequiredService<CmsDbContext>();
    }
}

public static class CompiledSiteModelsExtensions
{
    /// <summary>
    /// The host's compiled models: <c>{modelNamespace}.Sqlite.CmsDbContextModel</c> and <c>{modelNamespace}.Postgres.CmsDbContextModel</c>
    /// in <paramref name="assembly"/>, as tools/EfModel/regenerate.sh generates them, each where present. Found by name, not
    /// referenced, so the host still builds with the generated folders removed (which regenerating needs: the old files
    /// may name entity types that are gone).
    /// </summary>
    public static IServiceCollection AddCompiledSiteModels(this IServiceCollection services, Assembly assembly, string modelNamespace)
    {
        var byProvider = new Dictionary<string, Func<IModel>>();
        foreach (var provider in new[] { SiteShellSettings.Sqlite, SiteShellSettings.Postgres })
        {
            if (assembly.GetType($"{modelNamespace}.{provider}.CmsDbContextModel") is { } type)
            {
                var model = new Lazy<IModel>(() => (IModel)type.GetProperty("Instance", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!);
                byProvider[provider] = () => model.Value;
            }
        }

        return services.AddSingleton(sp => new CompiledSiteModels(sp.GetServices<IModelContributor>(), byProvider));
    }
}
