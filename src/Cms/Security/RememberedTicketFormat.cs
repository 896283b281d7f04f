using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Cms.Security;

/// <summary>
/// The sign-in cookie read once and remembered: the same cookie text always decrypts to the same ticket, so a member's
/// next pages reuse it instead of running Data Protection's key derivation, decryption and MAC again (about 5 % of a
/// member's page, issue 12 point 1). Each read gets its own copy, so no request sees another's changes.
/// <para>
/// Nothing the cookie handler checks is skipped: it still tests the ticket's expiry and runs the security stamp check
/// on every request. Only text that decrypted is remembered (a forged cookie costs a decryption each time, as before),
/// for five minutes, so a revoked Data Protection key is honoured within that time.
/// </para>
/// </summary>
public sealed class RememberedTicketFormat(ISecureDataFormat<AuthenticationTicket> inner, TimeProvider clock) : ISecureDataFormat<AuthenticationTicket>
{
    /// <summary>The sign-in cookies remembered at most: each a few KB (the cookie text and a copy of its ticket).</summary>
    public const int Capacity = 2048;
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly ExpiringMap<AuthenticationTicket> _tickets = new(Capacity, Lifetime, clock);

    public ISecureDataFormat<AuthenticationTicket> Inner => inner;

    public string Protect(AuthenticationTicket data) => inner.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        if (string.IsNullOrEmpty(protectedText))
        {
            return inner.Unprotect(protectedText, purpose);
        }

        // The purpose (a TLS token binding, when there is one) is part of what was protected.
        var key = purpose is null ? protectedText : string.Concat(purpose.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), ":", purpose, protectedText);
        if (_tickets.TryGet(key, out var remembered))
        {
            return remembered.Clone();
        }

        var ticket = inner.Unprotect(protectedText, purpose);
        if (ticket is not null)
        {
            _tickets.Set(key, ticket.Clone());
        }

        return ticket;
    }
}

/// <summary>Wraps the sign-in cookie's ticket format once the framework has made it (this runs after its own post-configure).</summary>
public sealed class RememberedTicketFormatSetup(TimeProvider clock) : IPostConfigureOptions<CookieAuthenticationOptions>
{
    public void PostConfigure(string? name, CookieAuthenticationOptions options)
    {
        if (name == IdentityConstants.ApplicationScheme && options.TicketDataFormat is { } format and not RememberedTicketFormat)
        {
            options.TicketDataFormat = new RememberedTicketFormat(format, clock);
        }
    }
}
