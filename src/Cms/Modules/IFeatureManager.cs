namespace Cms.Modules;

/// <summary>Which features are on: site state, stored in the database.</summary>
public interface IFeatureManager
{
    Task<IReadOnlySet<string>> GetEnabledAsync();

    Task<bool> IsEnabledAsync(string featureId);

    /// <summary>Enables the features and every feature they need; runs their migrations.</summary>
    Task<FeatureChangeResult> EnableAsync(IEnumerable<string> featureIds);

    /// <summary>Disables the features, refusing while another enabled feature needs one of them.</summary>
    Task<FeatureChangeResult> DisableAsync(IEnumerable<string> featureIds);

    /// <summary>Runs pending migrations of enabled features (at start-up, after an upgrade).</summary>
    Task MigrateAsync();
}

public sealed record FeatureChangeResult(bool Succeeded, IReadOnlyList<string> Changed, string? Error)
{
    public static FeatureChangeResult Ok(IReadOnlyList<string> changed) => new(true, changed, null);
    public static FeatureChangeResult Refused(string error) => new(false, [], error);
}

public sealed class FeatureStateDocument
{
    public const string DocumentId = "FeatureState";

    public List<string> Enabled { get; set; } = [];

    /// <summary>Migration version per feature id.</summary>
    public Dictionary<string, int> MigrationVersions { get; set; } = [];

    /// <summary>Features whose default role permissions were already given out.</summary>
    public List<string> StereotypesApplied { get; set; } = [];
}
