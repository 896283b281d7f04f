using System.Net.Mail;
using System.Security.Cryptography;
using System.Text;
using Cms.Data;
using Cms.Security;
using Cms.Settings;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Modules.Comments.Models;
using Modules.Comments.Settings;
using Modules.Email.Services;

namespace Modules.Comments.Services;

/// <summary>
/// Invitations by e-mail: a random token in a link, of which only the hash is stored; it works once
/// and for the days the registration settings say. A newer invitation to the same address replaces older ones.
/// </summary>
public sealed class Invitations(
    LazyDbContext lazyDb,
    UserManager<CmsUser> users,
    Membership membership,
    NewAccounts accounts,
    IEmailSender email,
    ISiteService site,
    TimeProvider clock)
{
    public const string AcceptPath = "/members/invitation";

    private CmsDbContext Db => lazyDb.Context;

    /// <summary>Stores and mails an invitation; returns the problem when it was not sent (and then nothing is kept).</summary>
    public async Task<string?> SendAsync(string? address, string invitedBy, string origin)
    {
        var settings = await site.GetAsync();
        var registration = settings.Registration();
        if (!registration.AllowsInvitations)
        {
            return "Registration is closed: set the registration mode to invite only or more open before inviting.";
        }

        var to = address?.Trim() ?? "";
        if (to.Length > 254 || !MailAddress.TryCreate(to, out var parsed) || parsed.Address != to)
        {
            return "Enter a valid e-mail address.";
        }

        if (await users.FindByEmailAsync(to) is { } existing && await membership.IsMemberAsync(existing))
        {
            return $"{existing.UserName} ({to}) is already a member.";
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var invitation = new Invitation
        {
            Email = to,
            TokenHash = Hash(token),
            InvitedBy = invitedBy,
            CreatedUtc = now,
            ExpiresUtc = now.AddDays(registration.InvitationDays),
        };
        Db.Set<Invitation>().Add(invitation);
        await Db.SaveChangesAsync();

        var link = $"{origin}{AcceptPath}?token={token}";
        var text = $"""
            {invitedBy} invites you to become a member of {settings.SiteName}. Members may comment on its posts.

            To accept, open this link within {registration.InvitationDays} {(registration.InvitationDays == 1 ? "day" : "days")}:

            {link}

            The link works once. If you did not expect this message, you can ignore it.
            """;
        var sent = await email.SendAsync(new EmailMessage(to, $"You are invited to join {settings.SiteName}", text));
        if (!sent.Succeeded)
        {
            // A link nobody received must not stay usable; older invitations stay as they were.
            Db.Set<Invitation>().Remove(invitation);
            await Db.SaveChangesAsync();
            return $"The invitation was not sent: {sent.Error}";
        }

        // Only the newest link to an address works.
        var older = await Db.Set<Invitation>()
            .Where(i => i.Email == to && i.Id != invitation.Id && i.AcceptedUtc == null && i.RevokedUtc == null)
            .ToListAsync();
        older.ForEach(i => i.RevokedUtc = now);
        await Db.SaveChangesAsync();
        return null;
    }

    /// <summary>The invitation the token belongs to, while it can still be accepted.</summary>
    public async Task<Invitation?> FindUsableAsync(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return null;
        }

        var hash = Hash(token);
        var invitation = await Db.Set<Invitation>().FirstOrDefaultAsync(i => i.TokenHash == hash);
        return invitation is not null && invitation.IsUsable(clock.GetUtcNow().UtcDateTime)
            && (await site.GetAsync()).Registration().AllowsInvitations
                ? invitation
                : null;
    }

    /// <summary>Makes the signed-in user a member and uses the invitation up, in one transaction.</summary>
    /// <exception cref="InvitationUsedException">Another request used the invitation meanwhile.</exception>
    public Task AcceptAsync(Invitation invitation, CmsUser user)
        => Db.InTransactionAsync(() => ClaimAsync(invitation, () => Task.FromResult(user)));

    /// <summary>
    /// Creates the invited reader's account (after <see cref="NewAccounts.CheckAsync"/>) and accepts the
    /// invitation with it, in one transaction. The link reached the address, so the address is confirmed.
    /// </summary>
    /// <exception cref="InvitationUsedException">Another request used the invitation meanwhile; no account is kept.</exception>
    public Task<CmsUser> AcceptWithNewAccountAsync(Invitation invitation, string userName, string password)
        => Db.InTransactionAsync(() => ClaimAsync(invitation, () => accounts.CreateAsync(userName, invitation.Email, password, emailConfirmed: true)));

    /// <summary>
    /// Uses the invitation up, then makes the account <paramref name="account"/> gives a member, inside the
    /// transaction. The invitation is claimed first, by one conditional update that the database serialises:
    /// of parallel acceptances one claims it, and the others find it used and throw
    /// <see cref="InvitationUsedException"/> before making any account.
    /// </summary>
    private async Task<CmsUser> ClaimAsync(Invitation invitation, Func<Task<CmsUser>> account)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var claimed = await Db.Set<Invitation>()
            .Where(i => i.Id == invitation.Id && i.AcceptedUtc == null && i.RevokedUtc == null && i.ExpiresUtc > now)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.AcceptedUtc, now));
        if (claimed == 0)
        {
            throw new InvitationUsedException();
        }

        var user = await account();
        await Db.Set<Invitation>().Where(i => i.Id == invitation.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.AcceptedUserId, user.Id));
        await membership.GrantAsync(user);
        return user;
    }

    public async Task<bool> RevokeAsync(long id)
    {
        var invitation = await Db.Set<Invitation>().FirstOrDefaultAsync(i => i.Id == id);
        if (invitation is null || invitation.AcceptedUtc is not null || invitation.RevokedUtc is not null)
        {
            return false;
        }

        invitation.RevokedUtc = clock.GetUtcNow().UtcDateTime;
        await Db.SaveChangesAsync();
        return true;
    }

    public async Task<IReadOnlyList<Invitation>> RecentAsync(int count)
        => await Db.Set<Invitation>().AsNoTracking().OrderByDescending(i => i.CreatedUtc).ThenByDescending(i => i.Id).Take(count).ToListAsync();

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}

/// <summary>The invitation was used (or revoked, or expired) by someone else meanwhile.</summary>
public sealed class InvitationUsedException() : Exception("The invitation was used meanwhile.")
{
}
