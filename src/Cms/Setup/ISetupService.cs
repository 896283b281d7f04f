namespace Cms.Setup;

/// <summary>Sets a new site up: database, setup recipe, admin user. The Setup module provides it.</summary>
public interface ISetupService
{
    /// <summary>Checks every value; returns the problems by field name, empty when all are good.</summary>
    Task<IReadOnlyDictionary<string, string>> ValidateAsync(SetupRequest request);

    /// <summary>Validates, then sets the site up in one transaction; nothing is kept when it fails.</summary>
    Task<SetupResult> SetupAsync(SetupRequest request);
}

/// <summary>The values of the setup screen, of unattended setup (Setup__* settings) and of the CLI.</summary>
public sealed class SetupRequest
{
    public string SiteName { get; set; } = "";
    public string TimeZoneId { get; set; } = "UTC";

    /// <summary>The site's public address, e.g. https://news.example.com; may be left out when Cms:BaseUrl is configured.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>The setup recipe; empty for the one marked "default" (<see cref="Recipes.RecipeDescriptor.IsDefault"/>).</summary>
    public string RecipeName { get; set; } = "";
    public string DatabaseProvider { get; set; } = "Sqlite";
    public string? ConnectionString { get; set; }
    public string? TablePrefix { get; set; }
    public string AdminUserName { get; set; } = "";
    public string AdminEmail { get; set; } = "";
    public string AdminPassword { get; set; } = "";

    /// <summary>Only the form asks for it twice; null means "not asked".</summary>
    public string? PasswordConfirmation { get; set; }
}

public sealed record SetupResult(bool Succeeded, IReadOnlyDictionary<string, string> Errors)
{
    public static SetupResult Ok() => new(true, new Dictionary<string, string>());

    public static SetupResult Failed(IReadOnlyDictionary<string, string> errors) => new(false, errors);
}
