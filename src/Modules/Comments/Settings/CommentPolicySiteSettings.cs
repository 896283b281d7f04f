using Cms.Security;
using Cms.Settings;

namespace Modules.Comments.Settings;

/// <summary>
/// The default comment policy on Settings › Site: which comments wait for a moderator (CommentSettings'
/// Moderation, the same value Settings › Comments and a recipe's settings step set).
/// </summary>
public sealed class CommentPolicySiteSettings : ISiteSettingsSection
{
    public const string ModerationField = CommentSettings.SectionName + "." + nameof(CommentSettings.Moderation);

    private static readonly SiteSettingsOption[] s_options =
    [
        new(nameof(ModerationMode.None), "None: comments appear at once"),
        new(nameof(ModerationMode.FirstTime), "A commenter's first comment, until one is approved"),
        new(nameof(ModerationMode.All), "All comments"),
    ];

    public string Title => "Comments";

    public Permission Permission => Permissions.ManageCommentSettings;

    public IReadOnlyList<SiteSettingsField> Fields(SiteSettings settings) =>
    [
        new(ModerationField, "Default comment policy: comments that wait for a moderator", settings.Comments().ModerationMode.ToString(), s_options,
            "Limits, replies and who may become a member are under Settings › Comments."),
    ];

    public SiteSettingsChange Read(IReadOnlyDictionary<string, string?> posted)
    {
        if (!posted.TryGetValue(ModerationField, out var value))
        {
            return SiteSettingsChange.None;
        }

        if (!SettingsSections.TryParseName<ModerationMode>(value, out var mode))
        {
            return new([new SettingsError(ModerationField, "Choose which comments wait for a moderator: None, FirstTime or All.")], _ => { });
        }

        return new([], site =>
        {
            var comments = site.GetSection<CommentSettings>(CommentSettings.SectionName);
            comments.Moderation = mode.ToString();
            site.SetSection(CommentSettings.SectionName, comments);
        });
    }
}
