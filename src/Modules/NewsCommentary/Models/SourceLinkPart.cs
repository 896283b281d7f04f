using Cms.Content;

namespace Modules.NewsCommentary.Models;

/// <summary>The quoted article: where it is, what it is called, who published it and when.</summary>
public sealed class SourceLinkPart : ContentPart, IValidatablePart
{
    public const int MaxUrl = 2048;
    public const int MaxTitle = 300;
    public const int MaxPublication = 200;

    public string Url { get; set; } = "";
    public string Title { get; set; } = "";
    public string Publication { get; set; } = "";

    /// <summary>The article's own date.</summary>
    public DateTime? PublishedUtc { get; set; }

    /// <summary>A copy in a web archive, for when the source goes away.</summary>
    public string? ArchiveUrl { get; set; }

    public IEnumerable<PartError> Validate()
    {
        if (string.IsNullOrWhiteSpace(Url))
        {
            yield return new PartError(nameof(Url), "The source URL is required.");
        }
        else if (Url.Length > MaxUrl || !SafeUrl.IsHttp(Url))
        {
            yield return new PartError(nameof(Url), "The source URL must be an absolute http:// or https:// address.");
        }

        if (!string.IsNullOrEmpty(ArchiveUrl) && (ArchiveUrl.Length > MaxUrl || !SafeUrl.IsHttp(ArchiveUrl)))
        {
            yield return new PartError(nameof(ArchiveUrl), "The archive URL must be an absolute http:// or https:// address.");
        }

        if (Title?.Length > MaxTitle)
        {
            yield return new PartError(nameof(Title), $"The source title has at most {MaxTitle} characters.");
        }

        if (Publication?.Length > MaxPublication)
        {
            yield return new PartError(nameof(Publication), $"The publication has at most {MaxPublication} characters.");
        }
    }
}
