using System.Text;

namespace Modules.GraphQLApi.Schema;

/// <summary>
/// GraphQL names from content definition names: fields in camelCase (Orchard's GraphQL does the same:
/// <c>NewsCommentary</c> → <c>newsCommentary</c>), anything outside <c>[_A-Za-z0-9]</c> made <c>_</c>, and
/// every type name used once (a second <c>Note</c> becomes <c>Note2</c>).
/// </summary>
public sealed class GraphNames
{
    private readonly HashSet<string> _types = new(StringComparer.Ordinal) { "Query", "ContentItem", "ContentStatus", "ContentItemWhereInput", "JSON" };

    public static string Field(string name)
    {
        var clean = Clean(name);
        var lead = 0;
        while (lead < clean.Length && char.IsAsciiLetterUpper(clean[lead]))
        {
            lead++;
        }

        // "URL" → "url", "HTMLBody" → "htmlBody", "Title" → "title".
        var lower = lead > 1 && lead < clean.Length ? lead - 1 : lead;
        return clean[..lower].ToLowerInvariant() + clean[lower..];
    }

    /// <summary>A type name not used before in this schema.</summary>
    public string Type(string name)
    {
        var clean = Clean(name);
        clean = char.IsAsciiLetterUpper(clean[0]) ? clean : char.ToUpperInvariant(clean[0]) + clean[1..];
        var unique = clean;
        for (var n = 2; !_types.Add(unique); n++)
        {
            unique = clean + n;
        }

        return unique;
    }

    private static string Clean(string name)
    {
        var builder = new StringBuilder(name.Length + 1);
        foreach (var c in name)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
        }

        if (builder.Length == 0 || char.IsAsciiDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }

        // Names starting "__" are GraphQL's own (introspection).
        return builder.Length > 1 && builder[0] == '_' && builder[1] == '_' ? "x" + builder : builder.ToString();
    }
}
