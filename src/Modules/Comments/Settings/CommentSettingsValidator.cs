using System.Text.Json.Nodes;
using Cms.Settings;

namespace Modules.Comments.Settings;

/// <summary>Refuses a recipe's CommentSettings with an unknown key, a wrong type or a value out of range.</summary>
public sealed class CommentSettingsValidator : ISettingsSectionValidator
{
    public const int MaxPolicyNoteLength = 500;

    /// <summary>Number settings and their allowed ranges.</summary>
    public static readonly IReadOnlyDictionary<string, (int Min, int Max)> Ranges = new Dictionary<string, (int, int)>(StringComparer.OrdinalIgnoreCase)
    {
        [nameof(CommentSettings.RateLimitSeconds)] = (0, 3600),
        [nameof(CommentSettings.MaxLinks)] = (0, 50),
        [nameof(CommentSettings.CloseAfterDays)] = (0, 36500),
        [nameof(CommentSettings.MaxLength)] = (100, 20000),
        [nameof(CommentSettings.ReplyDepth)] = (0, 10),
        [nameof(CommentSettings.EditWindowMinutes)] = (0, 1440),
        [nameof(CommentSettings.PageSize)] = (10, 500),
    };

    public string SectionName => CommentSettings.SectionName;

    public IEnumerable<SettingsError> Validate(JsonObject section)
    {
        foreach (var (key, value) in section)
        {
            if (Ranges.TryGetValue(key, out var range))
            {
                if (value is not JsonValue number || !number.TryGetValue<int>(out var n) || n < range.Min || n > range.Max)
                {
                    yield return new SettingsError(key, $"'{key}' must be a whole number from {range.Min} to {range.Max}.");
                }
            }
            else if (key.Equals(nameof(CommentSettings.PolicyNote), StringComparison.OrdinalIgnoreCase))
            {
                if (value is not JsonValue text || !text.TryGetValue<string>(out var note) || note.Length > MaxPolicyNoteLength)
                {
                    yield return new SettingsError(key, $"'PolicyNote' must be a string of at most {MaxPolicyNoteLength} characters.");
                }
            }
            else if (key.Equals(nameof(CommentSettings.Moderation), StringComparison.OrdinalIgnoreCase))
            {
                if (value is not JsonValue mode || !mode.TryGetValue<string>(out var name) || !SettingsSections.TryParseName<ModerationMode>(name, out _))
                {
                    yield return new SettingsError(key, "'Moderation' must be \"None\", \"FirstTime\" or \"All\".");
                }
            }
            else
            {
                yield return new SettingsError(key, $"'{key}' is not a comment setting (known: PolicyNote, Moderation, {string.Join(", ", Ranges.Keys)}).");
            }
        }
    }
}
