using System.Text.Json.Nodes;

namespace Cms.Settings;

/// <summary>
/// Checks a named settings section (e.g. "CommentSettings") that a recipe's settings step sets, so a
/// bad value is refused with the recipe's other errors before anything is written. Registered by
/// the module that reads the section, bound to its feature.
/// </summary>
public interface ISettingsSectionValidator
{
    string SectionName { get; }

    /// <summary>Each problem with the property it concerns ("RateLimitSeconds").</summary>
    IEnumerable<SettingsError> Validate(JsonObject section);
}

public sealed record SettingsError(string Property, string Message);
