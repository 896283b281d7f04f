using System.Text;
using Cms.Data;
using Cms.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modules.Comments.Models;
using Modules.Contents.Indexes;
using Modules.NewsCommentary.Indexes;

namespace Site.Tests.Infrastructure;

/// <summary>
/// What the site has stored, as one string: documents, every content version, path and tag indexes, roles,
/// role claims, users (name, e-mail, enabled, password hash) and their roles, comments, invitations
/// and membership requests, redirects. Two equal fingerprints
/// mean nothing was written (or the same state again).
/// </summary>
public static class DatabaseFingerprint
{
    public static Task<string> TakeAsync(SiteFactory site) => site.InScopeAsync(TakeAsync);

    /// <summary>The fingerprint read through a scope of any host on the site's database (an out-of-process site's, say).</summary>
    public static async Task<string> TakeAsync(IServiceProvider sp)
    {
        var db = sp.GetRequiredService<CmsDbContext>();
        var text = new StringBuilder();
        // Not the schema stamp: which build last checked this database (see TableRows), not what the site stores.
        foreach (var d in await db.Documents.AsNoTracking().Where(d => d.Id != SchemaCheck.DocumentId).OrderBy(d => d.Id).ToListAsync())
        {
            text.Append("doc ").Append(d.Id).Append(' ').AppendLine(d.Content);
        }

        foreach (var r in await db.ContentItems.AsNoTracking().OrderBy(r => r.ContentItemVersionId).ToListAsync())
        {
            text.Append("item ").Append(r.ContentItemId).Append(' ').Append(r.ContentItemVersionId).Append(' ')
                .Append(r.Latest).Append(' ').Append(r.Published).Append(' ').AppendLine(r.Data);
        }

        foreach (var p in await db.Set<AutoroutePartIndex>().AsNoTracking().OrderBy(p => p.Path).ThenBy(p => p.ContentItemVersionId).ToListAsync())
        {
            text.Append("path ").Append(p.Path).Append(' ').Append(p.ContentItemVersionId).Append(' ').Append(p.Published).Append(' ').AppendLine(p.Latest.ToString());
        }

        foreach (var t in await db.Set<TagsPartIndex>().AsNoTracking().OrderBy(t => t.Slug).ThenBy(t => t.ContentItemVersionId).ToListAsync())
        {
            text.Append("tag ").Append(t.Slug).Append(' ').Append(t.Name).Append(' ').AppendLine(t.ContentItemVersionId);
        }

        foreach (var role in await db.Roles.AsNoTracking().OrderBy(r => r.Name).ToListAsync())
        {
            text.Append("role ").Append(role.Name).Append(' ').AppendLine(role.Description);
        }

        var claims = await (from c in db.RoleClaims.AsNoTracking()
                            join r in db.Roles.AsNoTracking() on c.RoleId equals r.Id
                            select r.Name + ":" + c.ClaimType + "=" + c.ClaimValue).ToListAsync();
        foreach (var claim in claims.Order(StringComparer.Ordinal))
        {
            text.Append("claim ").AppendLine(claim);
        }

        foreach (var user in await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync())
        {
            text.Append("user ").Append(user.UserName).Append(' ').Append(user.Email).Append(' ').Append(user.IsEnabled)
                .Append(' ').AppendLine(user.PasswordHash);
        }

        var memberships = await (from link in db.UserRoles.AsNoTracking()
                                 join u in db.Users.AsNoTracking() on link.UserId equals u.Id
                                 join r in db.Roles.AsNoTracking() on link.RoleId equals r.Id
                                 select u.UserName + " in " + r.Name).ToListAsync();
        foreach (var membership in memberships.Order(StringComparer.Ordinal))
        {
            text.Append("member ").AppendLine(membership);
        }

        foreach (var c in await db.Set<Comment>().AsNoTracking().OrderBy(c => c.Id).ToListAsync())
        {
            text.Append("comment ").Append(c.Id).Append(' ').Append(c.ContentItemId).Append(' ').Append(c.ParentId).Append(' ')
                .Append(c.AuthorName).Append(' ').Append(c.Status).Append(' ').Append(c.EditedUtc?.Ticks).Append(' ').AppendLine(c.Markdown);
        }

        foreach (var i in await db.Set<Invitation>().AsNoTracking().OrderBy(i => i.Id).ToListAsync())
        {
            text.Append("invitation ").Append(i.Id).Append(' ').Append(i.Email).Append(' ').Append(i.TokenHash).Append(' ')
                .Append(i.AcceptedUtc?.Ticks).Append(' ').AppendLine(i.RevokedUtc?.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        foreach (var r in await db.Set<MembershipRequest>().AsNoTracking().OrderBy(r => r.Id).ToListAsync())
        {
            text.Append("request ").Append(r.Id).Append(' ').Append(r.UserName).Append(' ').Append(r.Status).Append(' ').AppendLine(r.Message);
        }

        foreach (var r in await db.Set<Redirect>().AsNoTracking().OrderBy(r => r.FromPath).ToListAsync())
        {
            text.Append("redirect ").Append(r.FromPath).Append(' ').Append(r.ContentItemId).Append(' ').AppendLine(r.ToPath);
        }

        return text.ToString();
    }
}
