using System.Security.Cryptography;
using System.Text;
using Cms.Content;
using Microsoft.Net.Http.Headers;

namespace Modules.ContentApi.Services;

/// <summary>
/// Strong entity tags: a hash of the exact JSON answered, so any change to a version (a new version, a
/// part changed in place) gives a new tag, and the same bytes always the same one.
/// </summary>
public static class ItemETag
{
    public static string Of(ContentItem item) => OfText(item.ToJsonString());

    public static string OfText(string text) => "\"" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)), 0, 16) + "\"";

    /// <summary>True when an If-None-Match or If-Match header names <paramref name="etag"/> (or is "*").</summary>
    public static bool Matches(string? header, string etag)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return false;
        }

        return EntityTagHeaderValue.TryParseList([header], out var tags)
            && tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || !t.IsWeak && t.Tag.Equals(etag, StringComparison.Ordinal));
    }
}
