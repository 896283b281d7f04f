namespace Modules.BlogImport.Models;

/// <summary>What an export holds, whichever service wrote it: read first, then turned into a recipe.</summary>
public sealed class BlogExport
{
    /// <summary>"Blogger" or "WordPress", for messages.</summary>
    public required string Service { get; init; }

    /// <summary>The blog's id in its service (Blogger's feed id, WordPress's site address): with an entry's id, it makes the imported item's id.</summary>
    public string Key { get; set; } = "";

    /// <summary>The blog's own address (its links are not sources), or null when the export does not say.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>True when the blog let only its members comment; null when the export does not say.</summary>
    public bool? MembersOnlyComments { get; set; }

    public List<BlogEntry> Posts { get; } = [];

    public List<BlogComment> Comments { get; } = [];

    /// <summary>Entries left out, with why (pages, deleted posts, comments on missing posts).</summary>
    public List<(string Entry, string Reason)> Skipped { get; } = [];
}

/// <summary>A post as written in the other service.</summary>
public sealed class BlogEntry
{
    public required string Id { get; init; }
    public string Title { get; set; } = "";
    public string Html { get; set; } = "";
    public DateTime? PublishedUtc { get; set; }
    public DateTime? UpdatedUtc { get; set; }
    public bool Draft { get; set; }
    public List<string> Tags { get; } = [];
    public string Author { get; set; } = "";

    /// <summary>
    /// The post's old site paths ("/2020/09/sochi-meeting.html"), answered with 301s after the import; decoded
    /// ("/search/label/Middle East"), as routing hands the path over.
    /// </summary>
    public List<string> OldPaths { get; } = [];

    /// <summary>The slug the old service used (WordPress post_name), kept for the new address when there is one.</summary>
    public string? Slug { get; set; }

    /// <summary>How a reader of the report recognises the entry: its title, else its id.</summary>
    public string Name => Title.Length > 0 ? $"'{Title}'" : Id;
}

/// <summary>A comment, with the comment it answers (null for a top-level one).</summary>
public sealed class BlogComment
{
    public required string Id { get; init; }
    public required string PostId { get; init; }
    public string? ParentId { get; set; }
    public string Author { get; set; } = "";
    public string Html { get; set; } = "";
    public DateTime? PublishedUtc { get; set; }
}
