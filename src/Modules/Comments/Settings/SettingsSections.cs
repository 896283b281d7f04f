using Cms.Settings;

namespace Modules.Comments.Settings;

/// <summary>Reads the module's sections from the site settings, with every number within its range.</summary>
public static class SettingsSections
{
    public static CommentSettings Comments(this SiteSettings site)
    {
        var settings = site.GetSection<CommentSettings>(CommentSettings.SectionName);

        // A value that slipped past validation (a hand-edited database) must not break the thread.
        var ranges = CommentSettingsValidator.Ranges;
        settings.RateLimitSeconds = Clamp(settings.RateLimitSeconds, ranges[nameof(CommentSettings.RateLimitSeconds)]);
        settings.MaxLinks = Clamp(settings.MaxLinks, ranges[nameof(CommentSettings.MaxLinks)]);
        settings.CloseAfterDays = Clamp(settings.CloseAfterDays, ranges[nameof(CommentSettings.CloseAfterDays)]);
        settings.MaxLength = Clamp(settings.MaxLength, ranges[nameof(CommentSettings.MaxLength)]);
        settings.ReplyDepth = Clamp(settings.ReplyDepth, ranges[nameof(CommentSettings.ReplyDepth)]);
        settings.EditWindowMinutes = Clamp(settings.EditWindowMinutes, ranges[nameof(CommentSettings.EditWindowMinutes)]);
        settings.PageSize = Clamp(settings.PageSize, ranges[nameof(CommentSettings.PageSize)]);
        settings.PolicyNote ??= "";
        return settings;
    }

    public static RegistrationSettings Registration(this SiteSettings site)
    {
        var settings = site.GetSection<RegistrationSettings>(RegistrationSettings.SectionName);
        settings.InvitationDays = Math.Clamp(settings.InvitationDays, 1, 90);
        return settings;
    }

    /// <summary>A name of <typeparamref name="T"/>, ignoring case; numbers ("5") and padded text are not names.</summary>
    public static bool TryParseName<T>(string? name, out T value) where T : struct, Enum
        => Enum.TryParse(name, ignoreCase: true, out value) && name!.All(char.IsAsciiLetter);

    private static int Clamp(int value, (int Min, int Max) range) => Math.Clamp(value, range.Min, range.Max);
}
