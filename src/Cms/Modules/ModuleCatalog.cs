using System.Reflection;
using Microsoft.Extensions.DependencyModel;

namespace Cms.Modules;

/// <summary>
/// The modules and features this build contains, found once at start-up by the manifest
/// attribute on each assembly that the host references.
/// </summary>
public sealed class ModuleCatalog
{
    private readonly Dictionary<string, FeatureDescriptor> _features;
    private readonly Dictionary<string, FeatureDescriptor> _aliases = new(StringComparer.OrdinalIgnoreCase);

    public ModuleCatalog(IEnumerable<Assembly> assemblies)
    {
        var modules = new List<ModuleDescriptor>();
        var features = new List<FeatureDescriptor>();
        var startups = new List<(FeatureDescriptor, Type)>();
        foreach (var assembly in assemblies.Distinct())
        {
            var manifest = assembly.GetCustomAttribute<ModuleAttribute>();
            if (manifest is null)
            {
                continue;
            }

            var module = new ModuleDescriptor(manifest.Id, manifest.Name, manifest.Description, manifest.IsTheme, assembly);
            modules.Add(module);
            var main = new FeatureDescriptor(manifest.Id, manifest.Name, manifest.Description, manifest.Category,
                manifest.Dependencies, module, manifest.AlwaysEnabled) { OrchardAliases = manifest.OrchardAliases };
            features.Add(main);
            foreach (var extra in assembly.GetCustomAttributes<FeatureAttribute>())
            {
                features.Add(new FeatureDescriptor(extra.Id, extra.Name, extra.Description, extra.Category,
                    extra.Dependencies, module, false) { OrchardAliases = extra.OrchardAliases });
            }

            foreach (var type in assembly.GetExportedTypes().Where(t => t.IsSubclassOf(typeof(ModuleStartup)) && !t.IsAbstract))
            {
                var featureId = type.GetCustomAttribute<RequireFeatureAttribute>()?.FeatureId ?? manifest.Id;
                startups.Add((features.First(f => f.Id == featureId), type));
            }
        }

        _features = features.ToDictionary(f => f.Id, StringComparer.OrdinalIgnoreCase);
        foreach (var feature in features)
        {
            foreach (var dependency in feature.Dependencies.Where(d => !_features.ContainsKey(d)))
            {
                throw new InvalidOperationException($"Feature '{feature.Id}' depends on '{dependency}', which no module provides.");
            }
        }

        foreach (var feature in features)
        {
            foreach (var alias in feature.OrchardAliases)
            {
                if (!_aliases.TryAdd(alias, feature))
                {
                    throw new InvalidOperationException($"Orchard feature '{alias}' is claimed by both '{_aliases[alias].Id}' and '{feature.Id}'.");
                }
            }
        }

        Modules = modules;
        Features = SortByDependencies(features);
        Startups = startups.OrderBy(s => Features.ToList().IndexOf(s.Item1)).ToList();
    }

    public IReadOnlyList<ModuleDescriptor> Modules { get; }

    /// <summary>Every feature, each after the features it depends on.</summary>
    public IReadOnlyList<FeatureDescriptor> Features { get; }

    public IReadOnlyList<(FeatureDescriptor Feature, Type StartupType)> Startups { get; }

    public FeatureDescriptor? Find(string featureId) => _features.GetValueOrDefault(featureId);

    /// <summary>The feature whose manifest names <paramref name="orchardId"/> among its Orchard aliases.</summary>
    public FeatureDescriptor? FindByOrchardAlias(string orchardId) => _aliases.GetValueOrDefault(orchardId);

    public FeatureDescriptor? FeatureOf(Assembly assembly)
        => Modules.FirstOrDefault(m => m.Assembly == assembly) is { } module ? _features[module.Id] : null;

    /// <summary>The feature and every feature it needs, transitively.</summary>
    public IReadOnlyList<FeatureDescriptor> WithDependencies(FeatureDescriptor feature)
    {
        var result = new List<FeatureDescriptor>();
        void Visit(FeatureDescriptor f)
        {
            if (result.Contains(f))
            {
                return;
            }

            foreach (var dependency in f.Dependencies)
            {
                Visit(_features[dependency]);
            }

            result.Add(f);
        }

        Visit(feature);
        return result;
    }

    /// <summary>Finds the module assemblies among those the host was built with.</summary>
    public static ModuleCatalog FromDependencyContext()
    {
        var context = DependencyContext.Default
            ?? throw new InvalidOperationException("The host has no dependency context to find modules in.");
        var assemblies = new List<Assembly> { typeof(ModuleCatalog).Assembly };
        foreach (var library in context.RuntimeLibraries.Where(l => l.Type == "project"))
        {
            if (!library.Dependencies.Any(d => d.Name == "Cms"))
            {
                continue;
            }

            assemblies.Add(Assembly.Load(new AssemblyName(library.Name)));
        }

        return new ModuleCatalog(assemblies);
    }

    private static List<FeatureDescriptor> SortByDependencies(List<FeatureDescriptor> features)
    {
        var byId = features.ToDictionary(f => f.Id, StringComparer.OrdinalIgnoreCase);
        var sorted = new List<FeatureDescriptor>();
        var visiting = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        void Visit(FeatureDescriptor f)
        {
            if (sorted.Contains(f))
            {
                return;
            }

            if (!visiting.Add(f.Id))
            {
                throw new InvalidOperationException($"Feature '{f.Id}' depends on itself through its dependencies.");
            }

            foreach (var dependency in f.Dependencies)
            {
                Visit(byId[dependency]);
            }

            sorted.Add(f);
        }

        foreach (var feature in features.OrderBy(f => f.Id, StringComparer.Ordinal))
        {
            Visit(feature);
        }

        return sorted;
    }
}
