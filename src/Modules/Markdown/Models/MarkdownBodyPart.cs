using Cms.Content;

namespace Modules.Markdown.Models;

/// <summary>Orchard's body part in Markdown: <c>"MarkdownBodyPart": { "Markdown": "# Hi" }</c>.</summary>
public sealed class MarkdownBodyPart : ContentPart, IValidatablePart
{
    public const int MaxLength = 200_000;

    public string Markdown { get; set; } = "";

    public IEnumerable<PartError> Validate()
    {
        if (Markdown?.Length > MaxLength)
        {
            yield return new PartError(nameof(Markdown), $"The body has at most {MaxLength:N0} characters.");
        }
    }
}
