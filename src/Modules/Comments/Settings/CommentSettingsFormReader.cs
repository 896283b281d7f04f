using System.Globalization;
using Modules.Comments.ViewModels;

namespace Modules.Comments.Settings;

/// <summary>Turns the settings page's form into settings, with a message per field for what is wrong; the ranges are the recipe validator's.</summary>
public static class CommentSettingsFormReader
{
    private static readonly Dictionary<string, string> s_labels = new(StringComparer.Ordinal)
    {
        [nameof(CommentSettings.RateLimitSeconds)] = "Seconds between a user's comments",
        [nameof(CommentSettings.MaxLinks)] = "Links before a comment waits",
        [nameof(CommentSettings.CloseAfterDays)] = "Days until comments close",
        [nameof(CommentSettings.MaxLength)] = "Characters in a comment",
        [nameof(CommentSettings.ReplyDepth)] = "Levels of replies",
        [nameof(CommentSettings.EditWindowMinutes)] = "Minutes for editing",
        [nameof(CommentSettings.PageSize)] = "Comments per page",
    };

    public static CommentSettingsForm Of(CommentSettings comments, RegistrationSettings registration) => new()
    {
        PolicyNote = comments.PolicyNote,
        Moderation = comments.ModerationMode.ToString(),
        RateLimitSeconds = Text(comments.RateLimitSeconds),
        MaxLinks = Text(comments.MaxLinks),
        CloseAfterDays = Text(comments.CloseAfterDays),
        MaxLength = Text(comments.MaxLength),
        ReplyDepth = Text(comments.ReplyDepth),
        EditWindowMinutes = Text(comments.EditWindowMinutes),
        PageSize = Text(comments.PageSize),
        RegistrationMode = registration.RegistrationMode.ToString(),
        InvitationDays = Text(registration.InvitationDays),
    };

    /// <summary>The settings, or the problems by field name.</summary>
    public static (CommentSettings Comments, RegistrationSettings Registration, Dictionary<string, string> Errors) Read(CommentSettingsForm form)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        int Number(string field, string? value)
        {
            var (min, max) = CommentSettingsValidator.Ranges[field];
            if (int.TryParse(value?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
            {
                return n;
            }

            errors[field] = $"{s_labels[field]}: a whole number from {min} to {max}.";
            return min;
        }

        var note = form.PolicyNote?.Trim() ?? "";
        if (note.Length > CommentSettingsValidator.MaxPolicyNoteLength)
        {
            errors[nameof(form.PolicyNote)] = $"The note has at most {CommentSettingsValidator.MaxPolicyNoteLength} characters.";
        }

        if (!SettingsSections.TryParseName<ModerationMode>(form.Moderation, out var moderation))
        {
            errors[nameof(form.Moderation)] = "Choose who waits for a moderator.";
        }

        if (!SettingsSections.TryParseName<RegistrationMode>(form.RegistrationMode, out var mode))
        {
            errors[nameof(form.RegistrationMode)] = "Choose how readers become members.";
        }

        var comments = new CommentSettings
        {
            PolicyNote = note,
            Moderation = moderation.ToString(),
            RateLimitSeconds = Number(nameof(form.RateLimitSeconds), form.RateLimitSeconds),
            MaxLinks = Number(nameof(form.MaxLinks), form.MaxLinks),
            CloseAfterDays = Number(nameof(form.CloseAfterDays), form.CloseAfterDays),
            MaxLength = Number(nameof(form.MaxLength), form.MaxLength),
            ReplyDepth = Number(nameof(form.ReplyDepth), form.ReplyDepth),
            EditWindowMinutes = Number(nameof(form.EditWindowMinutes), form.EditWindowMinutes),
            PageSize = Number(nameof(form.PageSize), form.PageSize),
        };
        var days = int.TryParse(form.InvitationDays?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d is >= 1 and <= 90 ? d : 0;
        if (days == 0)
        {
            errors[nameof(form.InvitationDays)] = "Days an invitation works: a whole number from 1 to 90.";
        }

        return (comments, new RegistrationSettings { Mode = mode.ToString(), InvitationDays = Math.Max(days, 1) }, errors);
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
