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

    /// <summary>
    /// Every setting by the key a recipe's settings step uses: the site fields, then each named
    /// section. Export writes these; the settings step compares them to say what it changed.
    /// </summary>
    public Dictionary<string, JsonNode?> ToRecipeValues()
    {
        var values = new Dictionary<string, JsonNode?>(StringComparer.Ordinal)
        {
            [nameof(SiteName)] = SiteName,
            [nameof(SiteDescription)] = SiteDescription,
            [nameof(BaseUrl)] = BaseUrl,
            [nameof(TimeZoneId)] = TimeZoneId,
            [nameof(Culture)] = Culture,
            [nameof(PageSize)] = PageSize,
            [nameof(MaxPageSize)] = MaxPageSize,
        };
        foreach (var (key, value) in Properties)
        {
            values[key] = value?.DeepClone();
        }

        return values;
    }

    public TimeZoneInfo TimeZone()
        => TimeZoneInfo.TryFindSystemTimeZoneById(TimeZoneId, out var zone) ? zone : TimeZoneInfo.Utc;
}
