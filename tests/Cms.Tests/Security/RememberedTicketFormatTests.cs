using System.Security.Claims;
using Cms.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cms.Tests.Security;

/// <summary>The sign-in cookie's ticket is decrypted once per cookie text, handed out as a copy each time, and forgotten in time.</summary>
public sealed class RememberedTicketFormatTests
{
    private readonly CountingFormat _real = new(new TicketDataFormat(new EphemeralDataProtectionProvider(NullLoggerFactory.Instance).CreateProtector("tickets")));
    private readonly SetClock _clock = new();
    private readonly RememberedTicketFormat _format;

    public RememberedTicketFormatTests() => _format = new RememberedTicketFormat(_real, _clock);

    [Fact]
    public void TheSameCookieText_IsDecryptedOnce()
    {
        var text = _format.Protect(Ticket("reader"));

        var first = _format.Unprotect(text);
        var second = _format.Unprotect(text);

        Assert.Equal(1, _real.Reads);
        Assert.Equal("reader", first!.Principal.Identity!.Name);
        Assert.Equal("reader", second!.Principal.Identity!.Name);
    }

    [Fact]
    public void EachRead_GetsItsOwnCopy()
    {
        var text = _format.Protect(Ticket("reader"));
        var first = _format.Unprotect(text)!;
        ((ClaimsIdentity)first.Principal.Identity!).AddClaim(new Claim(ClaimTypes.Role, "Administrator"));
        first.Properties.Items["changed"] = "yes";

        var second = _format.Unprotect(text)!;

        Assert.False(second.Principal.IsInRole("Administrator"));
        Assert.False(second.Properties.Items.ContainsKey("changed"));
        Assert.NotSame(first.Principal, second.Principal);
    }

    [Fact]
    public void ATamperedCookie_IsRefused_EveryTime_AndNotRemembered()
    {
        var text = _format.Protect(Ticket("reader"));
        var tampered = text[..^4] + (text[^4] == 'A' ? "B" : "A") + text[^3..];

        Assert.Null(_format.Unprotect(tampered));
        Assert.Null(_format.Unprotect(tampered));
        Assert.Equal(2, _real.Reads);
    }

    [Fact]
    public void AfterItsLifetime_TheCookieIsDecryptedAgain()
    {
        var text = _format.Protect(Ticket("reader"));
        _format.Unprotect(text);

        _clock.Now += RememberedTicketFormat.Lifetime + TimeSpan.FromSeconds(1);
        _format.Unprotect(text);

        Assert.Equal(2, _real.Reads);
    }

    [Fact]
    public void APurpose_IsPartOfWhatIsRemembered()
    {
        var text = _format.Protect(Ticket("reader"), "binding-1");

        Assert.NotNull(_format.Unprotect(text, "binding-1"));
        Assert.Null(_format.Unprotect(text, "binding-2"));
        Assert.Null(_format.Unprotect(text));
    }

    private static AuthenticationTicket Ticket(string name)
        => new(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.NameIdentifier, "id-" + name)], "Identity.Application")),
            new AuthenticationProperties { IssuedUtc = DateTimeOffset.UnixEpoch }, "Identity.Application");

    /// <summary>The real format, with its decryptions counted.</summary>
    private sealed class CountingFormat(ISecureDataFormat<AuthenticationTicket> real) : ISecureDataFormat<AuthenticationTicket>
    {
        public int Reads { get; private set; }

        public string Protect(AuthenticationTicket data) => real.Protect(data);

        public string Protect(AuthenticationTicket data, string? purpose) => real.Protect(data, purpose);

        public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

        public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
        {
            Reads++;
            return real.Unprotect(protectedText, purpose);
        }
    }
}
