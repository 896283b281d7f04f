using Cms.Content;
using Fluid;
using Fluid.Values;
using Modules.Contents.Models;

namespace Modules.Contents.Services;

/// <summary>
/// Generates paths from AutoroutePartSettings.Pattern, a Liquid template as in Orchard
/// (e.g. "{{ ContentItem.PublishedUtc | date: '%Y/%m/%d' }}/{{ ContentItem.DisplayText | slugify }}").
/// The template sees only the item's common properties: no code runs.
/// </summary>
public sealed class AutoroutePathGenerator
{
    private static readonly FluidParser s_parser = new();
    private readonly TemplateOptions _options = new();

    public AutoroutePathGenerator()
    {
        _options.Filters.AddFilter("slugify", (input, _, _) => new StringValue(Slug.From(input.ToStringValue())));
    }

    public async Task<string> GenerateAsync(string? pattern, ContentItem item, TimeZoneInfo timeZone)
    {
        if (!s_parser.TryParse(string.IsNullOrWhiteSpace(pattern) ? AutoroutePartSettings.DefaultPattern : pattern, out var template, out _))
        {
            s_parser.TryParse(AutoroutePartSettings.DefaultPattern, out template, out _);
        }

        var context = new TemplateContext(_options) { TimeZone = timeZone };
        context.SetValue("ContentItem", new Dictionary<string, object?>
        {
            ["ContentItemId"] = item.ContentItemId,
            ["ContentType"] = item.ContentType,
            ["DisplayText"] = item.DisplayText,
            ["CreatedUtc"] = item.CreatedUtc,
            ["PublishedUtc"] = item.PublishedUtc,
            ["ModifiedUtc"] = item.ModifiedUtc,
        });
        var rendered = await template!.RenderAsync(context);
        var segments = rendered.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => s.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') ? s : Slug.From(s))
            .Where(s => s.Length > 0);
        var path = string.Join('/', segments);
        return path.Length > 0 ? path : item.ContentItemId;
    }
}
