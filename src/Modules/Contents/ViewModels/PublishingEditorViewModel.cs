namespace Modules.Contents.ViewModels;

/// <summary>
/// The byline facts every item has (Orchard's CommonPart): who it is by and when it was published, in
/// the site's time zone. Posted under "Publishing." beside the parts' fields.
/// </summary>
public sealed class PublishingEditorViewModel
{
    public const int MaxAuthor = 255;

    public string? Author { get; set; }

    /// <summary>The publication date and time in the site's time zone; empty: the moment it is published.</summary>
    public DateTime? PublishedLocal { get; set; }

    [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
    public bool CanEditAuthor { get; set; }

    [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
    public bool CanEditDate { get; set; }

    [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
    public string TimeZoneName { get; set; } = "";
}
