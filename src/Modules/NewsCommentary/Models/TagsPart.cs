using Cms.Content;
using Modules.Contents.Services;

namespace Modules.NewsCommentary.Models;

/// <summary>
/// The topics of a post, by display name ("Russia", "Diplomacy"). Each has a slug for its address
/// (/tags/russia); two names with the same slug are the same tag, so only the first is kept.
/// </summary>
public sealed class TagsPart : ContentPart, IValidatablePart
{
    public const int MaxTags = 10;
    public const int MaxTagLength = 50;

    public IReadOnlyList<string> Tags { get; set; } = [];

    /// <summary>The tags as stored: trimmed, without blanks, the first of each slug (so case-insensitive duplicates go).</summary>
    public static IReadOnlyList<string> Normalize(IEnumerable<string?>? tags)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var kept = new List<string>();
        foreach (var tag in (tags ?? []).Select(t => t?.Trim()).OfType<string>().Where(t => t.Length > 0))
        {
            // A tag without a slug keeps its own (lower-case) name as its key, so Validate can name it.
            var slug = Slug.From(tag);
            if (seen.Add(slug.Length > 0 ? slug : "\0" + tag.ToLowerInvariant()))
            {
                kept.Add(tag);
            }
        }

        return kept;
    }

    /// <summary>The tags in order, each with its slug; any that Validate would refuse are left out.</summary>
    public IEnumerable<TagName> Entries()
        => Normalize(Tags).Where(t => t.Length <= MaxTagLength).Select(t => new TagName(t, Slug.From(t))).Where(t => t.Slug.Length > 0).Take(MaxTags);

    public IEnumerable<PartError> Validate()
    {
        var position = 0;
        foreach (var tag in Tags ?? [])
        {
            position++;
            if (string.IsNullOrWhiteSpace(tag))
            {
                yield return new PartError(nameof(Tags), $"Tag {position} is empty: give it a name or leave it out.");
            }
            else if (tag.Trim().Length > MaxTagLength)
            {
                yield return new PartError(nameof(Tags), $"The tag '{Shorten(tag.Trim())}' is too long: a tag has at most {MaxTagLength} characters.");
            }
            else if (Slug.From(tag).Length == 0)
            {
                yield return new PartError(nameof(Tags), $"The tag '{tag.Trim()}' needs at least one letter or digit from A to Z or 0 to 9, for its address.");
            }
        }

        var count = Normalize(Tags).Count;
        if (count > MaxTags)
        {
            yield return new PartError(nameof(Tags), $"A post has at most {MaxTags} tags; this one has {count}.");
        }
    }

    private static string Shorten(string tag) => tag.Length <= MaxTagLength ? tag : tag[..MaxTagLength] + "…";
}

/// <summary>A tag as shown (<see cref="Name"/>) and as addressed (<see cref="Slug"/>).</summary>
public sealed record TagName(string Name, string Slug);
