using System.Reflection;

namespace Cms.Modules;

/// <summary>A feature as the catalog knows it: id, its module and what it depends on.</summary>
public sealed record FeatureDescriptor(
    string Id,
    string Name,
    string Description,
    string Category,
    IReadOnlyList<string> Dependencies,
    ModuleDescriptor Module,
    bool AlwaysEnabled)
{
    /// <summary>The Orchard Core feature ids this feature stands for, as its manifest declares them.</summary>
    public IReadOnlyList<string> OrchardAliases { get; init; } = [];

    public bool IsTheme => Module.IsTheme && Id == Module.Id;
}

/// <summary>A module found by its manifest attribute.</summary>
public sealed record ModuleDescriptor(string Id, string Name, string Description, bool IsTheme, Assembly Assembly);
