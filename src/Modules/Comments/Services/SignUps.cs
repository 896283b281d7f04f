using System.Security.Cryptography;
using System.Text;
using Cms.Data;
using Modules.Email.Services;
using Cms.Security;
using Cms.Settings;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Modules.Comments.Models;

namespace Modules.Comments.Services;

/// <summary>
/// Sign-up by e-mail: the form's answer never tells whether a user name or address is taken (OWASP ASVS
/// 2.1 / 3.x: no account enumeration); the message to the address does. A free name and address get a link
/// that creates the account when opened; an address with an account is told so; a taken name is told to
/// choose another. Every path hashes the password, so the answer takes as long either way.
/// </summary>
public sealed class SignUps(
    CmsDbContext db,
    UserManager<CmsUser> users,
    Membership membership,
    IPasswordHasher<CmsUser> hasher,
    IEmailSender email,
    ISiteService site,
    IPublicUrls urls,
    TimeProvider clock,
    ILogger<SignUps> logger)
{
    public const string ConfirmPath = "/register/confirm";
    public const int LinkHours = 24;

    /// <summary>Mails the address what happens next; false when the site has no public address to link to.</summary>
    public async Task<bool> StartAsync(string userName, string address, string password, string? message)
    {
        var origin = await urls.BaseUrlAsync();
        if (origin.Length == 0)
        {
            return false;
        }

        var settings = await site.GetAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        var name = userName.Trim();
        var to = address.Trim();
        var passwordHash = hasher.HashPassword(new CmsUser { UserName = name, Email = to }, password);
        string subject, text;
        if (await users.FindByEmailAsync(to) is { } owner)
        {
            subject = $"Your account on {settings.SiteName}";
            text = $"""
                Someone, perhaps you, asked to create an account on {settings.SiteName} with this address, which already has the account "{owner.UserName}".

                To sign in: {origin}/login
                Forgot the password? {origin}/account/forgot-password

                If it was not you, ignore this message: nothing was changed.
                """;
        }
        else if (await users.FindByNameAsync(name) is not null)
        {
            subject = $"Choose another user name on {settings.SiteName}";
            text = $"""
                Someone, perhaps you, asked to create an account on {settings.SiteName} named "{name}" with this address. That name is taken, so no account was made.

                To try another name: {origin}/register

                If it was not you, ignore this message.
                """;
        }
        else
        {
            var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
            await db.Set<PendingRegistration>().Where(p => p.ExpiresUtc < now).ExecuteDeleteAsync();
            db.Set<PendingRegistration>().Add(new PendingRegistration
            {
                TokenHash = Hash(token),
                UserName = name,
                Email = to,
                PasswordHash = passwordHash,
                Message = Trim(message),
                CreatedUtc = now,
                ExpiresUtc = now.AddHours(LinkHours),
            });
            await db.SaveChangesAsync();
            subject = $"Finish creating your account on {settings.SiteName}";
            text = $"""
                To create the account "{name}" on {settings.SiteName}, open this link within {LinkHours} hours:

                {origin}{ConfirmPath}?token={token}

                If you did not ask for an account, ignore this message: none is made without the link.
                """;
        }

        var sent = await email.SendAsync(new EmailMessage(to, subject, text));
        if (!sent.Succeeded)
        {
            // The visitor gets the same answer either way; the site's log says what went wrong.
            logger.LogError("The sign-up message was not sent: {Error}", sent.Error);
        }

        return true;
    }

    /// <summary>The pending sign-up the token belongs to, while its link works.</summary>
    public async Task<PendingRegistration?> FindUsableAsync(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return null;
        }

        var hash = Hash(token);
        var pending = await db.Set<PendingRegistration>().AsNoTracking().FirstOrDefaultAsync(p => p.TokenHash == hash);
        return pending is not null && pending.IsUsable(clock.GetUtcNow().UtcDateTime) ? pending : null;
    }

    /// <summary>
    /// Uses the link up (one conditional update, so two clicks make one account), creates the account with
    /// the address confirmed and files its membership (a member at once, or a request for a moderator), in one
    /// transaction; null when the link was used meanwhile. Throws <see cref="SignUpTakenException"/> (and keeps
    /// nothing) when the name or address was taken since the form was sent.
    /// </summary>
    public Task<CmsUser?> CompleteAsync(PendingRegistration pending, bool grantAtOnce) => db.InTransactionAsync(async () =>
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var claimed = await db.Set<PendingRegistration>()
            .Where(p => p.Id == pending.Id && p.UsedUtc == null && p.ExpiresUtc > now)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.UsedUtc, now));
        if (claimed == 0)
        {
            return null;
        }

        if (await users.FindByNameAsync(pending.UserName) is not null || await users.FindByEmailAsync(pending.Email) is not null)
        {
            throw new SignUpTakenException(pending.UserName);
        }

        var user = new CmsUser
        {
            UserName = pending.UserName,
            Email = pending.Email,
            EmailConfirmed = true,
            PasswordHash = pending.PasswordHash,
            CreatedUtc = now,
        };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            throw new SignUpTakenException(pending.UserName);
        }

        await membership.FileAsync(user, pending.Message, grantAtOnce);
        return (CmsUser?)user;
    });

    private static string Trim(string? message)
    {
        var text = (message ?? "").Trim();
        return text.Length > MembershipRequest.MessageLength ? text[..MembershipRequest.MessageLength] : text;
    }

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}

/// <summary>The name or address of a pending sign-up was taken between the form and the link.</summary>
public sealed class SignUpTakenException(string userName) : Exception($"The user name '{userName}' or its address was taken meanwhile.")
{
    public string UserName { get; } = userName;
}
