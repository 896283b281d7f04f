using Cms.Data;
using Microsoft.EntityFrameworkCore;

namespace Modules.Contents.Indexes;

/// <summary>
/// An old address that answers 301: to an item (its current published path, so the redirect follows the
/// item when its address changes) or to a site path (a tag page). Filled by the <c>Redirects</c> recipe step
/// (Blogger and WordPress imports write it) and exported with the site.
/// </summary>
public sealed class Redirect
{
    public const int MaxPath = 1024;

    /// <summary>The old site path, as the old site had it: "/2020/09/sochi-meeting.html", "/search/label/Russia", "/?p=12".</summary>
    public string FromPath { get; set; } = "";

    public string? ContentItemId { get; set; }

    public string? ToPath { get; set; }
}

public sealed class RedirectModel : IModelContributor
{
    public void Contribute(ModelBuilder modelBuilder) => modelBuilder.Entity<Redirect>(e =>
    {
        e.ToTable("Redirect");
        e.HasKey(r => r.FromPath);
        e.Property(r => r.FromPath).HasMaxLength(Redirect.MaxPath);
        e.Property(r => r.ContentItemId).HasMaxLength(26);
        e.Property(r => r.ToPath).HasMaxLength(Redirect.MaxPath);
    });
}
