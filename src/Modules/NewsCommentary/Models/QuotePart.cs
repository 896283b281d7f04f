using Cms.Content;

namespace Modules.NewsCommentary.Models;

/// <summary>The quoted passage: the article's headline, the passage (Markdown) and who is quoted.</summary>
public sealed class QuotePart : ContentPart, IValidatablePart
{
    public const int MaxHeadline = 300;
    public const int MaxAttribution = 200;
    public const int MaxText = 50_000;

    public string Headline { get; set; } = "";
    public string Text { get; set; } = "";
    public string Attribution { get; set; } = "";

    public IEnumerable<PartError> Validate()
    {
        if (string.IsNullOrWhiteSpace(Text))
        {
            yield return new PartError(nameof(Text), "The quoted passage is required.");
        }
        else if (Text.Length > MaxText)
        {
            yield return new PartError(nameof(Text), $"The quoted passage has at most {MaxText:N0} characters.");
        }

        if (Headline?.Length > MaxHeadline)
        {
            yield return new PartError(nameof(Headline), $"The quoted headline has at most {MaxHeadline} characters.");
        }

        if (Attribution?.Length > MaxAttribution)
        {
            yield return new PartError(nameof(Attribution), $"The attribution has at most {MaxAttribution} characters.");
        }
    }
}
