using System.Globalization;
using System.Text.Json.Nodes;
using Cms.Modules;
using Cms.Settings;

namespace Cms.Recipes.Steps;

/// <summary>
/// "settings": known site keys set site fields; every other key must be an object and is kept as a
/// named settings section (e.g. "CommentSettings") for the module that reads it, checked by that
/// module's <see cref="ISettingsSectionValidator"/> when it has one.
/// </summary>
public sealed class SettingsStep(ISiteService site, IEnumerable<FeatureBound<ISettingsSectionValidator>> sectionValidators) : IRecipeStepHandler
{
    private static readonly HashSet<string> s_stringKeys = new(StringComparer.OrdinalIgnoreCase) { "SiteName", "SiteDescription", "BaseUrl", "TimeZoneId", "Culture" };
    private static readonly HashSet<string> s_intKeys = new(StringComparer.OrdinalIgnoreCase) { "PageSize", "MaxPageSize", "MaxPagedCount" };

    /// <summary>Orchard site keys that mean nothing here; kept as they are so exports carry them back.</summary>
    private static readonly HashSet<string> s_keptOrchardKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "ResourceDebugMode", "AppendVersion", "CdnBaseUrl", "Calendar", "UseCdn", "HomeRoute", "CacheMode", "SiteSalt",
    };

    public string Name => "settings";

    public void Validate(RecipeStep step, RecipeValidationContext context)
    {
        int? pageSize = null;
        int? maxPageSize = null;
        foreach (var (key, value) in step.Data)
        {
            if (key.Equals("name", StringComparison.OrdinalIgnoreCase) || s_keptOrchardKeys.Contains(key))
            {
                continue;
            }

            if (s_stringKeys.Contains(key))
            {
                var text = StepJson.String(step.Data, key, "", context);
                if (text is not null)
                {
                    ValidateString(key, text, context);
                }
            }
            else if (s_intKeys.Contains(key))
            {
                if (value is JsonValue v && v.TryGetValue<int>(out var number) && number is >= 1 and <= 1000)
                {
                    if (key.Equals("PageSize", StringComparison.OrdinalIgnoreCase))
                    {
                        pageSize = number;
                    }
                    else if (key.Equals("MaxPageSize", StringComparison.OrdinalIgnoreCase))
                    {
                        maxPageSize = number;
                    }
                }
                else
                {
                    context.Error(key, $"'{key}' must be a whole number from 1 to 1000, not {StepJson.Describe(value)}.");
                }
            }
            else if (value is not JsonObject section)
            {
                context.Error(key, $"'{key}' is not a site setting; module settings such as 'CommentSettings' must be objects.");
            }
            else
            {
                ValidateSection(key, section, context);
            }
        }

        if (pageSize > (maxPageSize ?? 1000))
        {
            context.Error("PageSize", "'PageSize' cannot be larger than 'MaxPageSize'.");
        }
    }

    public async Task ApplyAsync(RecipeStep step, RecipeApplyContext context)
    {
        var before = Snapshot(await site.GetAsync());
        await site.UpdateAsync(settings =>
        {
            foreach (var (key, value) in step.Data)
            {
                Apply(settings, key, value);
            }
        });
        var after = Snapshot(await site.GetAsync());
        foreach (var (key, value) in after.Where(p => !JsonNode.DeepEquals(p.Value, before.GetValueOrDefault(p.Key))))
        {
            context.Changes.Add(value is JsonObject ? $"setting: {key} (section)" : $"setting: {key} = {value?.ToJsonString()}");
        }
    }

    /// <summary>Every setting a step can change, by the key a recipe uses, to say what a step changed.</summary>
    private static Dictionary<string, JsonNode?> Snapshot(SiteSettings settings) => settings.ToRecipeValues();

    private static void Apply(SiteSettings settings, string key, JsonNode? value)
    {
        switch (key.ToUpperInvariant())
        {
            case "NAME": break;
            case "SITENAME": settings.SiteName = value!.GetValue<string>(); break;
            case "SITEDESCRIPTION": settings.SiteDescription = value!.GetValue<string>(); break;
            case "BASEURL": settings.BaseUrl = value!.GetValue<string>().TrimEnd('/'); break;
            case "TIMEZONEID": settings.TimeZoneId = value!.GetValue<string>(); break;
            case "CULTURE": settings.Culture = value!.GetValue<string>(); break;
            case "PAGESIZE": settings.PageSize = value!.GetValue<int>(); break;
            case "MAXPAGESIZE": settings.MaxPageSize = value!.GetValue<int>(); break;
            default: settings.Properties[key] = value?.DeepClone(); break;
        }
    }

    private void ValidateSection(string key, JsonObject section, RecipeValidationContext context)
    {
        var validators = sectionValidators.Where(v => context.EnabledFeatures.Contains(v.FeatureId)
            && string.Equals(v.Service.SectionName, key, StringComparison.OrdinalIgnoreCase));
        foreach (var error in validators.SelectMany(v => v.Service.Validate(section)))
        {
            context.Error($"{key}.{error.Property}", error.Message);
        }
    }

    private static void ValidateString(string key, string text, RecipeValidationContext context)
    {
        switch (key.ToUpperInvariant())
        {
            case "SITENAME" when text.Trim().Length is 0 or > 70:
                context.Error(key, "'SiteName' must have 1 to 70 characters.");
                break;
            case "BASEURL" when text.Length > 0 && !(Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"):
                context.Error(key, "'BaseUrl' must be an absolute http or https URL.");
                break;
            case "TIMEZONEID" when !TimeZoneInfo.TryFindSystemTimeZoneById(text, out _):
                context.Error(key, $"'{text}' is not a time zone this server knows (use an IANA id such as 'Europe/London').");
                break;
            case "CULTURE" when !IsCulture(text):
                context.Error(key, $"'{text}' is not a culture name (such as 'en-US').");
                break;
        }
    }

    private static bool IsCulture(string name)
    {
        try
        {
            return CultureInfo.GetCultureInfo(name, predefinedOnly: true) is not null;
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }
}
