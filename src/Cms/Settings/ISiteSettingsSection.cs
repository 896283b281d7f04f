using Cms.Security;

namespace Cms.Settings;

/// <summary>
/// A module's fields on Settings › Site, as Orchard's site settings display drivers: the module that reads a
/// settings section offers its site-wide defaults there (e.g. Comments' default comment policy), so the Admin
/// module shows them without knowing the module. Registered bound to its feature; stored in the site settings
/// the recipe `settings` step writes.
/// </summary>
public interface ISiteSettingsSection
{
    /// <summary>The fieldset's legend, e.g. "Comments".</summary>
    string Title { get; }

    /// <summary>Needed, beside ManageSettings, to see and change these fields.</summary>
    Permission Permission { get; }

    /// <summary>The fields with their stored values. Names are unique across sections, e.g. "CommentSettings.Moderation".</summary>
    IReadOnlyList<SiteSettingsField> Fields(SiteSettings settings);

    /// <summary>
    /// The posted values of this section's fields (a field the form did not send is absent and keeps its value):
    /// the problems by field name, or none and the change to make.
    /// </summary>
    SiteSettingsChange Read(IReadOnlyDictionary<string, string?> posted);
}

/// <summary>A choice among <see cref="Options"/> (a select), or free text when there are none.</summary>
public sealed record SiteSettingsField(string Name, string Label, string Value, IReadOnlyList<SiteSettingsOption> Options, string Hint = "");

public sealed record SiteSettingsOption(string Value, string Text);

/// <summary>What a section read from the form: problems by field (nothing is saved then), or the change to the settings.</summary>
public sealed record SiteSettingsChange(IReadOnlyList<SettingsError> Errors, Action<SiteSettings> Apply)
{
    public static readonly SiteSettingsChange None = new([], _ => { });
}
