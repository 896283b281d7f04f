using System.Text.RegularExpressions;
using Cms.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Site.Tests.Infrastructure;

namespace Site.Tests.Modules.Comments;

/// <summary>Membership helpers: who holds the Member role, the mail the site sent, invitation links.</summary>
public static partial class Members
{
    public static Task<bool> IsMemberAsync(SiteFactory site, string userName) => site.InScopeAsync(async sp =>
    {
        var users = sp.GetRequiredService<UserManager<CmsUser>>();
        var user = await users.FindByNameAsync(userName);
        return user is not null && await users.IsInRoleAsync(user, StandardRoles.Member);
    });

    /// <summary>The messages the site wrote to the pickup folder for the address.</summary>
    public static List<MimeMessage> MailTo(SiteFactory site, string address)
    {
        var folder = Path.Combine(site.AppData, "mail-pickup");
        return !Directory.Exists(folder)
            ? []
            : Directory.GetFiles(folder, "*.eml").Select(f => MimeMessage.Load(f)).Where(m => m.To.Mailboxes.Any(b => b.Address == address)).ToList();
    }

    /// <summary>The invitation link in the one message sent to the address.</summary>
    public static Uri InvitationLink(SiteFactory site, string address)
        => new(LinkPattern().Match(Assert.Single(MailTo(site, address)).TextBody ?? "").Value);

    public static string Token(Uri link) => Uri.UnescapeDataString(link.Query.TrimStart('?')["token=".Length..]);

    public static string NewName(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";

    public static FormUrlEncodedContent Form(params (string Name, string Value)[] fields)
        => new(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)));

    [GeneratedRegex(@"https?://\S+/members/invitation\?token=\S+")]
    private static partial Regex LinkPattern();
}
