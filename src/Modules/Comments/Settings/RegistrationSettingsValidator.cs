using System.Text.Json.Nodes;
using Cms.Settings;

namespace Modules.Comments.Settings;

/// <summary>Refuses a recipe's RegistrationSettings with an unknown mode or key.</summary>
public sealed class RegistrationSettingsValidator : ISettingsSectionValidator
{
    public string SectionName => RegistrationSettings.SectionName;

    public IEnumerable<SettingsError> Validate(JsonObject section)
    {
        foreach (var (key, value) in section)
        {
            if (key.Equals(nameof(RegistrationSettings.Mode), StringComparison.OrdinalIgnoreCase))
            {
                if (value is not JsonValue mode || !mode.TryGetValue<string>(out var name) || !SettingsSections.TryParseName<RegistrationMode>(name, out _))
                {
                    yield return new SettingsError(key, "'Mode' must be \"Closed\", \"InviteOnly\", \"OpenWithApproval\" or \"Open\".");
                }
            }
            else if (key.Equals(nameof(RegistrationSettings.InvitationDays), StringComparison.OrdinalIgnoreCase))
            {
                if (value is not JsonValue number || !number.TryGetValue<int>(out var days) || days is < 1 or > 90)
                {
                    yield return new SettingsError(key, "'InvitationDays' must be a whole number from 1 to 90.");
                }
            }
            else
            {
                yield return new SettingsError(key, $"'{key}' is not a registration setting (known: Mode, InvitationDays).");
            }
        }
    }
}
