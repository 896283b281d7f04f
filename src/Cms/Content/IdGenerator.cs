using System.Security.Cryptography;

namespace Cms.Content;

/// <summary>Orchard-style 26-character ids: 128 random bits in lowercase base32.</summary>
public static class IdGenerator
{
    private const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz";

    public static string NewId()
    {
        Span<byte> bytes = stackalloc byte[17];
        RandomNumberGenerator.Fill(bytes[..16]);
        bytes[16] = 0;
        Span<char> chars = stackalloc char[26];
        var bitBuffer = 0;
        var bitCount = 0;
        var index = 0;
        var position = 0;
        while (position < 26)
        {
            if (bitCount < 5)
            {
                bitBuffer = (bitBuffer << 8) | bytes[index++];
                bitCount += 8;
            }

            chars[position++] = Alphabet[(bitBuffer >> (bitCount - 5)) & 31];
            bitCount -= 5;
        }

        return new string(chars);
    }

    public static bool IsValid(string? id) => id is { Length: 26 } && id.All(char.IsAsciiLetterOrDigit);
}
