using Cms.Content;

namespace Modules.Contents.Models;

/// <summary>The item's title; it becomes the item's DisplayText.</summary>
public sealed class TitlePart : ContentPart, IValidatablePart
{
    public const int MaxLength = 200;

    public string Title { get; set; } = "";

    public IEnumerable<PartError> Validate()
    {
        if (string.IsNullOrWhiteSpace(Title))
        {
            yield return new PartError(nameof(Title), "The title is required.");
        }
        else if (Title.Length > MaxLength)
        {
            yield return new PartError(nameof(Title), $"The title has at most {MaxLength} characters.");
        }
    }
}
