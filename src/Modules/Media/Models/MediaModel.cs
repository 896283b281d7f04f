using Cms.Data;
using Microsoft.EntityFrameworkCore;

namespace Modules.Media.Models;

public sealed class MediaModel : IModelContributor
{
    public void Contribute(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<MediaFile>(e =>
        {
            e.ToTable("MediaFile");
            e.Property(f => f.Path).HasMaxLength(MediaFile.MaxPath);
            e.Property(f => f.AltText).HasMaxLength(MediaFile.MaxAlt);
            e.Property(f => f.ContentType).HasMaxLength(40);
            e.Property(f => f.Hash).HasMaxLength(64);
            e.Property(f => f.Owner).HasMaxLength(255);
            e.HasIndex(f => f.Path).IsUnique();
            e.HasIndex(f => f.UploadedUtc);
        });
        modelBuilder.Entity<MediaUsage>(e =>
        {
            e.ToTable("MediaUsage");
            e.Property(u => u.ContentItemId).HasMaxLength(26);
            e.Property(u => u.Path).HasMaxLength(MediaFile.MaxPath);
            e.HasIndex(u => new { u.Path, u.ContentItemId }).IsUnique();
            e.HasIndex(u => u.ContentItemId);
        });
    }
}
