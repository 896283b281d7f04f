using System.Text.Json;
using System.Text.Json.Nodes;
using Cms.Content;

namespace Cms.Settings;

/// <summary>The site's settings document: Orchard's site fields, plus named module settings objects.</summary>
public sealed class SiteSettings
{
    public const string DocumentId = "SiteSettings";

    public string SiteName { get; set; } = "News Commentary";
    public string SiteDescription { get; set; } = "";
    public string BaseUrl { get; set; } = "";
    public string TimeZoneId { get; set; } = "UTC";
    public string Culture { get; set; } = "en-US";
    public int PageSize { get; set; } = 10;
    public int MaxPageSize { get; set; } = 100;
    public string HomeRoute { get; set; } = "";
    public bool UseCdn { get; set; }
    public string SiteTheme { get; set; } = "";
    public string AdminTheme { get; set; } = "";

    /// <summary>Module settings by name (e.g. "CommentSettings"), kept as JSON.</summary>
    public JsonObject Properties { get; set; } = [];

    public T GetSection<T>(string name) where T : new()
        => Properties[name] is JsonObject node ? node.Deserialize<T>(ContentJson.Options) ?? new T() : new T();

    public void SetSection<T>(string name, T value)
        => Properties[name] = JsonSerializer.SerializeToNode(value, ContentJson.Options);

    public TimeZoneInfo TimeZone()
        => TimeZoneInfo.TryFindSystemTimeZoneById(TimeZoneId, out var zone) ? zone : TimeZoneInfo.Utc;
}
