using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Cms.Content;

/// <summary>
/// A part of a content item, stored in the item's JSON under its name (e.g. "TitlePart").
/// </summary>
public abstract class ContentPart
{
    // Never bound from a form: a posted "Part.ContentItem.Owner" must not reach the item.
    [JsonIgnore]
    [BindNever]
    public ContentItem? ContentItem { get; set; }
}
