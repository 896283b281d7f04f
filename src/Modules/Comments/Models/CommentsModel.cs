using Cms.Data;
using Microsoft.EntityFrameworkCore;

namespace Modules.Comments.Models;

/// <summary>The module's tables. Statuses are stored by name, so the columns read plainly and survive reordering.</summary>
public sealed class CommentsModel : IModelContributor
{
    public void Contribute(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Comment>(e =>
        {
            e.ToTable("Comment");
            e.Property(c => c.ContentItemId).HasMaxLength(26);
            e.Property(c => c.AuthorId).HasMaxLength(450);
            e.Property(c => c.AuthorName).HasMaxLength(Comment.AuthorNameLength);
            e.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);

            // The thread, the counts and the queue each read one of these.
            e.HasIndex(c => new { c.ContentItemId, c.Status, c.CreatedUtc });
            e.HasIndex(c => c.RootId);
            e.HasIndex(c => new { c.AuthorId, c.CreatedUtc });
            e.HasIndex(c => new { c.Status, c.CreatedUtc });
        });
        modelBuilder.Entity<Invitation>(e =>
        {
            e.ToTable("Invitation");
            e.Property(i => i.Email).HasMaxLength(256);
            e.Property(i => i.TokenHash).HasMaxLength(64);
            e.Property(i => i.InvitedBy).HasMaxLength(256);
            e.Property(i => i.AcceptedUserId).HasMaxLength(450);
            e.HasIndex(i => i.TokenHash).IsUnique();
            e.HasIndex(i => i.Email);
        });
        modelBuilder.Entity<MembershipRequest>(e =>
        {
            e.ToTable("MembershipRequest");
            e.Property(r => r.UserId).HasMaxLength(450);
            e.Property(r => r.UserName).HasMaxLength(256);
            e.Property(r => r.Message).HasMaxLength(MembershipRequest.MessageLength);
            e.Property(r => r.DecidedBy).HasMaxLength(256);
            e.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(r => new { r.Status, r.CreatedUtc });
            e.HasIndex(r => r.UserId);
        });
    }
}
