using Cms.Data;
using Microsoft.EntityFrameworkCore;

namespace Modules.Comments.Models;

/// <summary>
/// A sign-up waiting for its owner to open the link mailed to the address. Nothing else exists until then:
/// no account holds the name, and the form's answer is the same whether the name or address were free.
/// Only the token's SHA-256 and the password's hash are kept.
/// </summary>
public sealed class PendingRegistration
{
    public long Id { get; set; }
    public string TokenHash { get; set; } = "";
    public string UserName { get; set; } = "";
    public string Email { get; set; } = "";
    public string PasswordHash { get; set; } = "";
    public string Message { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
    public DateTime ExpiresUtc { get; set; }
    public DateTime? UsedUtc { get; set; }

    public bool IsUsable(DateTime nowUtc) => UsedUtc is null && ExpiresUtc > nowUtc;
}

/// <summary>The PendingRegistration table; a site made before it gets it at start from the schema upgrader.</summary>
public sealed class PendingRegistrationModel : IModelContributor
{
    public void Contribute(ModelBuilder modelBuilder) => modelBuilder.Entity<PendingRegistration>(e =>
    {
        e.ToTable("PendingRegistration");
        e.Property(p => p.TokenHash).HasMaxLength(64);
        e.Property(p => p.UserName).HasMaxLength(256);
        e.Property(p => p.Email).HasMaxLength(256);
        e.Property(p => p.Message).HasMaxLength(MembershipRequest.MessageLength);
        e.HasIndex(p => p.TokenHash).IsUnique();
        e.HasIndex(p => p.ExpiresUtc);
    });
}
