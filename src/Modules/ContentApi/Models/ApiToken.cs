using Cms.Data;
using Cms.Security;
using Microsoft.EntityFrameworkCore;

namespace Modules.ContentApi.Models;

/// <summary>
/// A personal access token: what its user named it, its scope and lifetime, and the SHA-256 of its secret
/// (never the secret: it is shown once, when made). A slow password hash would add nothing: the secret is
/// 256 random bits, not something a person chose. Deleted with its user (cascade).
/// </summary>
public sealed class ApiToken
{
    public const int MaxName = 80;

    public long Id { get; set; }
    public string UserId { get; set; } = "";
    public string Name { get; set; } = "";
    public string Scope { get; set; } = "";

    /// <summary>Lower-case hex SHA-256 of the whole token string.</summary>
    public string SecretHash { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
    public DateTime ExpiresUtc { get; set; }
    public DateTime? LastUsedUtc { get; set; }
    public DateTime? RevokedUtc { get; set; }
}

public sealed class ApiTokenModel : IModelContributor
{
    public void Contribute(ModelBuilder modelBuilder) => modelBuilder.Entity<ApiToken>(e =>
    {
        e.ToTable("ApiToken");
        e.Property(t => t.UserId).HasMaxLength(450);
        e.Property(t => t.Name).HasMaxLength(ApiToken.MaxName);
        e.Property(t => t.Scope).HasMaxLength(8);
        e.Property(t => t.SecretHash).HasMaxLength(64);
        e.HasIndex(t => t.SecretHash).IsUnique();
        e.HasIndex(t => t.UserId);
        e.HasOne<CmsUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    });
}
