using System.Globalization;
using System.Text;

namespace Modules.Contents.Services;

/// <summary>URL slugs: lower case ASCII letters and digits joined by single hyphens.</summary>
public static class Slug
{
    public const int MaxLength = 100;

    public static string From(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length);
        var pendingHyphen = false;
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c is '\'' or '’')
            {
                continue;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                if (pendingHyphen && builder.Length > 0)
                {
                    if (builder.Length + 2 > MaxLength)
                    {
                        break; // a hyphen and a letter would pass the limit
                    }

                    builder.Append('-');
                }

                builder.Append(char.ToLowerInvariant(c));
                pendingHyphen = false;
            }
            else
            {
                pendingHyphen = true;
            }

            if (builder.Length >= MaxLength)
            {
                break;
            }
        }

        return builder.ToString().TrimEnd('-');
    }
}
