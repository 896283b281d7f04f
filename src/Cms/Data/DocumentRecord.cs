namespace Cms.Data;

/// <summary>
/// A named JSON document: site settings, feature state, content definitions, migration versions.
/// Small, read often, written rarely: one row each.
/// </summary>
public sealed class DocumentRecord
{
    public string Id { get; set; } = "";
    public string Content { get; set; } = "{}";

    /// <summary>Bumped on every write, so caches (and other nodes) can tell a copy is stale.</summary>
    public int Version { get; set; }
}
