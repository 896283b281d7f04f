using MimeKit;

namespace Modules.Email.Settings;

/// <summary>Reads one mailbox ("a@example.org" or "Name &lt;a@example.org&gt;"), refusing anything less.</summary>
public static class MailAddresses
{
    public static bool TryParse(string? text, out MailboxAddress mailbox)
    {
        mailbox = null!;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 320 || text.Any(char.IsControl))
        {
            return false;
        }

        // MimeKit is lenient (it reads "x" as a mailbox); an address needs a local part and a domain.
        if (!MailboxAddress.TryParse(text.Trim(), out var parsed))
        {
            return false;
        }

        var at = parsed.Address.LastIndexOf('@');
        if (at <= 0 || at == parsed.Address.Length - 1 || parsed.Address.Contains(' ', StringComparison.Ordinal))
        {
            return false;
        }

        mailbox = parsed;
        return true;
    }
}
