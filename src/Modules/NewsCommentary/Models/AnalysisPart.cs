using Cms.Content;

namespace Modules.NewsCommentary.Models;

/// <summary>The editor's own commentary, in Markdown.</summary>
public sealed class AnalysisPart : ContentPart, IValidatablePart
{
    public const int MaxLength = 50_000;

    public string Markdown { get; set; } = "";

    public IEnumerable<PartError> Validate()
    {
        if (string.IsNullOrWhiteSpace(Markdown))
        {
            yield return new PartError(nameof(Markdown), "The analysis is required.");
        }
        else if (Markdown.Length > MaxLength)
        {
            yield return new PartError(nameof(Markdown), $"The analysis has at most {MaxLength:N0} characters.");
        }
    }
}
