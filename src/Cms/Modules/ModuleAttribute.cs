namespace Cms.Modules;

/// <summary>
/// Marks an assembly as a CMS module. The module's id is also the id of its main feature.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public class ModuleAttribute : Attribute
{
    public ModuleAttribute(string id, string name)
    {
        Id = id;
        Name = name;
    }

    public string Id { get; }
    public string Name { get; }
    public string Description { get; init; } = "";
    public string Category { get; init; } = "";
    public string Author { get; init; } = "";
    public string Version { get; init; } = "1.0.0";

    /// <summary>Feature ids the main feature needs.</summary>
    public string[] Dependencies { get; init; } = [];

    /// <summary>
    /// Orchard Core feature ids this feature stands for ("OrchardCore.Title"), so an Orchard recipe's
    /// feature and themes steps apply unchanged.
    /// </summary>
    public string[] OrchardAliases { get; init; } = [];

    /// <summary>Always enabled: the framework's own features cannot be turned off.</summary>
    public bool AlwaysEnabled { get; init; }

    public virtual bool IsTheme => false;
}

/// <summary>Marks an assembly as a theme: a module whose views override others'.</summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class ThemeAttribute : ModuleAttribute
{
    public ThemeAttribute(string id, string name) : base(id, name)
    {
    }

    public override bool IsTheme => true;
}

/// <summary>Declares an extra feature of a module, beside its main one.</summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class FeatureAttribute : Attribute
{
    public FeatureAttribute(string id, string name)
    {
        Id = id;
        Name = name;
    }

    public string Id { get; }
    public string Name { get; }
    public string Description { get; init; } = "";
    public string Category { get; init; } = "";
    public string[] Dependencies { get; init; } = [];

    /// <summary>Orchard Core feature ids this feature stands for.</summary>
    public string[] OrchardAliases { get; init; } = [];
}

/// <summary>
/// Ties a Startup class or a controller to a feature other than its module's main one.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class RequireFeatureAttribute(string featureId) : Attribute
{
    public string FeatureId { get; } = featureId;
}
