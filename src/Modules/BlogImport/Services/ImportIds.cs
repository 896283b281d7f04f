using System.Security.Cryptography;
using System.Text;

namespace Modules.BlogImport.Services;

/// <summary>
/// Ids made from the export's own ids, so importing the same export again updates the same items (and
/// adds no second copy) instead of adding new ones. 26 lower-case letters and digits, as Orchard's ids.
/// </summary>
public static class ImportIds
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    public static string For(string service, string blog, string entryId, string what = "item")
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{service}\n{blog}\n{entryId}\n{what}"));
        var builder = new StringBuilder(26);
        for (var i = 0; i < 26; i++)
        {
            builder.Append(Alphabet[hash[i] % 32]);
        }

        return builder.ToString();
    }
}
