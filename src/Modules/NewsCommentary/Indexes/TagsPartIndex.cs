using Cms.Data;
using Microsoft.EntityFrameworkCore;
using Modules.NewsCommentary.Models;

namespace Modules.NewsCommentary.Indexes;

/// <summary>
/// One row per tag of each Published version, with the version's date, so a tag page is one query
/// that never reads item JSON to choose its posts.
/// </summary>
public sealed class TagsPartIndex
{
    public long Id { get; set; }
    public string ContentItemId { get; set; } = "";
    public string ContentItemVersionId { get; set; } = "";
    public string ContentType { get; set; } = "";
    public string Slug { get; set; } = "";
    public string Name { get; set; } = "";
    public DateTime? PublishedUtc { get; set; }
}

public sealed class TagsModel : IModelContributor
{
    public void Contribute(ModelBuilder modelBuilder) => modelBuilder.Entity<TagsPartIndex>(e =>
    {
        e.ToTable("TagsPartIndex");
        e.Property(i => i.ContentItemId).HasMaxLength(26);
        e.Property(i => i.ContentItemVersionId).HasMaxLength(26);
        e.Property(i => i.ContentType).HasMaxLength(255);
        e.Property(i => i.Slug).HasMaxLength(TagsPart.MaxTagLength);
        e.Property(i => i.Name).HasMaxLength(TagsPart.MaxTagLength);
        // In a tag page's order (newest first, Id breaking ties), so the page walks it and stops after one page.
        e.HasIndex(i => new { i.Slug, i.ContentType, i.PublishedUtc, i.Id });
        e.HasIndex(i => i.ContentItemId);
    });
}
