using Cms.Data;
using Cms.Display;
using Cms.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Modules;

public sealed class FeatureManager(
    ModuleCatalog catalog,
    IDocumentStore documents,
    LazyDbContext lazyDb,
    IPublicCache publicCache,
    IServiceProvider services) : IFeatureManager
{
    // The set for the state document this scope last read: asked for by the gate, the drivers, the
    // handlers and the menu, it is worked out once per request (and again after this scope changes it).
    private (FeatureStateDocument State, IReadOnlySet<string> Enabled)? _enabled;

    private CmsDbContext Db => lazyDb.Context;

    public async Task<IReadOnlySet<string>> GetEnabledAsync()
    {
        var state = await documents.GetAsync<FeatureStateDocument>(FeatureStateDocument.DocumentId);
        if (_enabled is { } known && ReferenceEquals(known.State, state))
        {
            return known.Enabled;
        }

        var enabled = new HashSet<string>(state.Enabled, StringComparer.OrdinalIgnoreCase);
        enabled.UnionWith(catalog.Features.Where(f => f.AlwaysEnabled).Select(f => f.Id));
        _enabled = (state, enabled);
        return enabled;
    }

    public async Task<bool> IsEnabledAsync(string featureId) => (await GetEnabledAsync()).Contains(featureId);

    public async Task<FeatureChangeResult> EnableAsync(IEnumerable<string> featureIds)
    {
        var requested = new List<FeatureDescriptor>();
        foreach (var id in featureIds)
        {
            var feature = catalog.Find(id);
            if (feature is null)
            {
                return FeatureChangeResult.Refused($"There is no feature '{id}'.");
            }

            requested.Add(feature);
        }

        var enabled = await GetEnabledAsync();
        var toEnable = requested.SelectMany(catalog.WithDependencies)
            .Where(f => !enabled.Contains(f.Id))
            .Distinct()
            .OrderBy(f => IndexOf(f))
            .ToList();
        if (toEnable.Count == 0)
        {
            return FeatureChangeResult.Ok([]);
        }

        return await Db.InTransactionAsync(async () =>
        {
            Db.AfterCommit(publicCache.EvictAllAsync);
            await documents.UpdateAsync<FeatureStateDocument>(FeatureStateDocument.DocumentId,
                state => state.Enabled.AddRange(toEnable.Select(f => f.Id)));
            foreach (var feature in toEnable)
            {
                await MigrateFeatureAsync(feature.Id);
                await ApplyStereotypesAsync(feature.Id);
                foreach (var handler in services.GetServices<FeatureBound<IFeatureEventHandler>>().Where(h => h.FeatureId == feature.Id))
                {
                    await handler.Service.EnabledAsync();
                }
            }

            return FeatureChangeResult.Ok(toEnable.Select(f => f.Id).ToList());
        });
    }

    public async Task<FeatureChangeResult> DisableAsync(IEnumerable<string> featureIds)
    {
        var ids = featureIds.ToList();
        var enabled = await GetEnabledAsync();
        foreach (var id in ids)
        {
            var feature = catalog.Find(id);
            if (feature is null)
            {
                return FeatureChangeResult.Refused($"There is no feature '{id}'.");
            }

            if (feature.AlwaysEnabled)
            {
                return FeatureChangeResult.Refused($"'{feature.Id}' is part of the framework and cannot be disabled.");
            }

            var dependent = catalog.Features.FirstOrDefault(f =>
                enabled.Contains(f.Id)
                && !ids.Contains(f.Id, StringComparer.OrdinalIgnoreCase)
                && f.Dependencies.Contains(feature.Id, StringComparer.OrdinalIgnoreCase));
            if (dependent is not null)
            {
                return FeatureChangeResult.Refused(
                    $"'{feature.Id}' cannot be disabled because '{dependent.Id}' needs it; disable '{dependent.Id}' first.");
            }
        }

        var toDisable = ids.Where(enabled.Contains).Select(id => catalog.Find(id)!.Id).ToList();
        if (toDisable.Count > 0)
        {
            // Cached pages of a disabled feature must not outlive it.
            Db.AfterCommit(publicCache.EvictAllAsync);
            await documents.UpdateAsync<FeatureStateDocument>(FeatureStateDocument.DocumentId,
                state => state.Enabled.RemoveAll(e => toDisable.Contains(e, StringComparer.OrdinalIgnoreCase)));
        }

        return FeatureChangeResult.Ok(toDisable);
    }

    public async Task MigrateAsync()
    {
        var enabled = await GetEnabledAsync();
        await Db.InTransactionAsync(async () =>
        {
            foreach (var feature in catalog.Features.Where(f => enabled.Contains(f.Id)))
            {
                await MigrateFeatureAsync(feature.Id);
            }

            return true;
        });
    }

    private int IndexOf(FeatureDescriptor feature) => catalog.Features.ToList().IndexOf(feature);

    private async Task MigrateFeatureAsync(string featureId)
    {
        var migration = services.GetServices<FeatureBound<IDataMigration>>().FirstOrDefault(m => m.FeatureId == featureId);
        if (migration is null)
        {
            return;
        }

        var state = await documents.GetAsync<FeatureStateDocument>(FeatureStateDocument.DocumentId);
        var current = state.MigrationVersions.GetValueOrDefault(featureId);
        var version = current == 0 ? await migration.Service.CreateAsync() : current;
        while (true)
        {
            var next = await migration.Service.UpdateFromAsync(version);
            if (next <= version)
            {
                break;
            }

            version = next;
        }

        if (version != current)
        {
            await documents.UpdateAsync<FeatureStateDocument>(FeatureStateDocument.DocumentId,
                s => s.MigrationVersions[featureId] = version);
        }
    }

    private async Task ApplyStereotypesAsync(string featureId)
    {
        var state = await documents.GetAsync<FeatureStateDocument>(FeatureStateDocument.DocumentId);
        if (state.StereotypesApplied.Contains(featureId))
        {
            return;
        }

        var roles = services.GetRequiredService<IRoleStore>();
        foreach (var provider in services.GetServices<FeatureBound<IPermissionProvider>>().Where(p => p.FeatureId == featureId))
        {
            foreach (var stereotype in provider.Service.GetDefaultStereotypes())
            {
                await roles.AddPermissionsAsync(stereotype.Role, stereotype.Permissions.Select(p => p.Name));
            }
        }

        await documents.UpdateAsync<FeatureStateDocument>(FeatureStateDocument.DocumentId, s => s.StereotypesApplied.Add(featureId));
    }
}
