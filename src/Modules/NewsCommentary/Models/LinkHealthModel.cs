using Cms.Data;
using Microsoft.EntityFrameworkCore;

namespace Modules.NewsCommentary.Models;

/// <summary>The module's table of source link checks. The outcome is stored by name, so the column reads plainly.</summary>
public sealed class LinkHealthModel : IModelContributor
{
    public void Contribute(ModelBuilder modelBuilder) => modelBuilder.Entity<SourceLinkCheck>(e =>
    {
        e.ToTable("SourceLinkCheck");
        e.Property(c => c.ContentItemId).HasMaxLength(26);
        e.Property(c => c.Url).HasMaxLength(SourceLinkPart.MaxUrl);
        e.Property(c => c.FinalUrl).HasMaxLength(SourceLinkPart.MaxUrl);
        e.Property(c => c.Message).HasMaxLength(SourceLinkCheck.MaxMessage);
        e.Property(c => c.Outcome).HasConversion<string>().HasMaxLength(24);
        e.Property(c => c.QuoteFingerprint).HasMaxLength(64);
        e.Property(c => c.QuoteState).HasConversion<string>().HasMaxLength(16);
        e.Property(c => c.QuoteMessage).HasMaxLength(SourceLinkCheck.MaxMessage);
        e.HasIndex(c => c.ContentItemId).IsUnique();

        // The pass looks for rows due a check; the admin page for broken ones.
        e.HasIndex(c => new { c.Published, c.LastCheckedUtc });
        e.HasIndex(c => new { c.Published, c.Outcome });

        // The report's "changed" filter: drifted quotes not yet acknowledged.
        e.HasIndex(c => new { c.Published, c.DriftSinceUtc });
    });
}
