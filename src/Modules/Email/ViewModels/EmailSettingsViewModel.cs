using Microsoft.AspNetCore.Mvc.ModelBinding;
using Modules.Email.Settings;

namespace Modules.Email.ViewModels;

/// <summary>The e-mail settings page: the settings form and the test message form.</summary>
public sealed class EmailSettingsViewModel
{
    public SmtpSettingsForm Settings { get; set; } = new();

    public TestMessageForm Test { get; set; } = new();

    [BindNever]
    public bool HasPassword { get; set; }

    /// <summary>Fields the "Email" configuration section sets; those values win over the form's.</summary>
    [BindNever]
    public IReadOnlySet<string> Configured { get; set; } = new HashSet<string>();

    [BindNever]
    public string DefaultPickupFolder { get; set; } = "";
}

public sealed class TestMessageForm
{
    public string? To { get; set; }
}
