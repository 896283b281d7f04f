using Cms.Data;
using Microsoft.EntityFrameworkCore;

namespace Modules.PublishLater.Models;

public sealed class PublishLaterModel : IModelContributor
{
    public void Contribute(ModelBuilder modelBuilder) => modelBuilder.Entity<ScheduledPublication>(e =>
    {
        e.ToTable("PublishLaterPartIndex");
        e.Property(s => s.ContentItemId).HasMaxLength(26);
        e.Property(s => s.ContentItemVersionId).HasMaxLength(26);
        e.Property(s => s.ContentType).HasMaxLength(255);
        e.Property(s => s.ClaimedBy).HasMaxLength(100);
        e.HasIndex(s => s.ContentItemId).IsUnique();

        // The publisher asks for what is due.
        e.HasIndex(s => s.ScheduledPublishUtc);
    });
}
