namespace Modules.Contents.Models;

/// <summary>Orchard's AutoroutePartSettings: a Liquid pattern for generated paths.</summary>
public sealed class AutoroutePartSettings
{
    public const string DefaultPattern = "{{ ContentItem.PublishedUtc | default: ContentItem.CreatedUtc | date: '%Y/%m/%d' }}/{{ ContentItem.DisplayText | slugify }}";

    public string Pattern { get; set; } = DefaultPattern;
    public bool AllowCustomPath { get; set; } = true;
    public bool ShowHomepageOption { get; set; }
}
