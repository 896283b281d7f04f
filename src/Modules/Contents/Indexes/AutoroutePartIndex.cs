using Cms.Data;
using Microsoft.EntityFrameworkCore;

namespace Modules.Contents.Indexes;

/// <summary>Orchard's AutoroutePartIndex: a path for each version that is Published or Latest.</summary>
public sealed class AutoroutePartIndex
{
    public long Id { get; set; }
    public string ContentItemId { get; set; } = "";
    public string ContentItemVersionId { get; set; } = "";
    public string Path { get; set; } = "";
    public bool Published { get; set; }
    public bool Latest { get; set; }
}

public sealed class AutorouteModel : IModelContributor
{
    public void Contribute(ModelBuilder modelBuilder) => modelBuilder.Entity<AutoroutePartIndex>(e =>
    {
        e.ToTable("AutoroutePartIndex");
        e.Property(i => i.ContentItemId).HasMaxLength(26);
        e.Property(i => i.ContentItemVersionId).HasMaxLength(26);
        e.Property(i => i.Path).HasMaxLength(AutoroutePartPathLength);
        e.HasIndex(i => new { i.Path, i.Published });

        // PathsOfAsync (a page's addresses: ContentItemId IN (...) AND Published) seeks both columns, so
        // Published is part of the index condition, not a filter on every version fetched; the item's own
        // look-ups use its first column. Sites made before it get it at start-up (SchemaUpgrader creates a
        // model's missing indexes; UpgradeTests).
        e.HasIndex(i => new { i.ContentItemId, i.Published });
    });

    private const int AutoroutePartPathLength = Models.AutoroutePart.MaxLength;
}
