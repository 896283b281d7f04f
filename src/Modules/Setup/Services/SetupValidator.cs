using System.Net.Mail;
using System.Text.RegularExpressions;
using Cms.Data;
using Cms.Recipes;
using Cms.Setup;

namespace Modules.Setup.Services;

/// <summary>Checks setup values; each problem is reported against the field's name.</summary>
public static partial class SetupValidator
{
    public const int MaxSiteName = 70;
    public const int MinPassword = 12;

    /// <param name="baseUrlConfigured">Cms:BaseUrl is set, so the request may leave the base URL out.</param>
    public static Dictionary<string, string> Validate(SetupRequest request, IRecipeHarvester recipes, bool baseUrlConfigured = false)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(request.SiteName))
        {
            errors[nameof(request.SiteName)] = "The site name is required.";
        }
        else if (request.SiteName.Trim().Length > MaxSiteName)
        {
            errors[nameof(request.SiteName)] = $"The site name has at most {MaxSiteName} characters.";
        }

        if (!(baseUrlConfigured && string.IsNullOrWhiteSpace(request.BaseUrl))
            && !Cms.Settings.PublicBaseUrl.TryNormalize(request.BaseUrl, out _, out var baseUrlError))
        {
            errors[nameof(request.BaseUrl)] = baseUrlError;
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(request.TimeZoneId ?? "", out _))
        {
            errors[nameof(request.TimeZoneId)] = $"'{request.TimeZoneId}' is not a time zone this server knows (use an IANA id such as 'Europe/London').";
        }

        var recipe = recipes.Find(request.RecipeName ?? "");
        if (recipe is null || !recipe.IsSetupRecipe)
        {
            var names = string.Join(", ", recipes.List().Where(r => r.IsSetupRecipe).Select(r => r.Name));
            errors[nameof(request.RecipeName)] = $"'{request.RecipeName}' is not a setup recipe; choose one of: {names}.";
        }

        if (request.DatabaseProvider is not (SiteShellSettings.Sqlite or SiteShellSettings.Postgres))
        {
            errors[nameof(request.DatabaseProvider)] = $"'{request.DatabaseProvider}' is not a database this site supports; use Sqlite or Postgres.";
        }
        else if (request.DatabaseProvider == SiteShellSettings.Postgres && string.IsNullOrWhiteSpace(request.ConnectionString))
        {
            errors[nameof(request.ConnectionString)] = "PostgreSQL needs a connection string (Host=...;Database=...;Username=...;Password=...).";
        }

        if (!string.IsNullOrEmpty(request.TablePrefix) && !TablePrefixPattern().IsMatch(request.TablePrefix))
        {
            errors[nameof(request.TablePrefix)] = "The table prefix may have up to 30 letters, digits and underscores, starting with a letter.";
        }

        if (string.IsNullOrWhiteSpace(request.AdminUserName))
        {
            errors[nameof(request.AdminUserName)] = "The admin user name is required.";
        }
        else if (!UserNamePattern().IsMatch(request.AdminUserName))
        {
            errors[nameof(request.AdminUserName)] = "The user name may have up to 64 letters, digits and the characters - . _ @ +.";
        }

        if (!IsEmail(request.AdminEmail))
        {
            errors[nameof(request.AdminEmail)] = "A valid e-mail address is required.";
        }

        if ((request.AdminPassword ?? "").Length < MinPassword)
        {
            errors[nameof(request.AdminPassword)] = $"The password needs at least {MinPassword} characters.";
        }
        else if (request.PasswordConfirmation is not null && request.PasswordConfirmation != request.AdminPassword)
        {
            errors[nameof(request.PasswordConfirmation)] = "The two passwords are not the same.";
        }

        return errors;
    }

    private static bool IsEmail(string? value)
        => !string.IsNullOrWhiteSpace(value) && value.Length <= 254 && MailAddress.TryCreate(value, out var address) && address.Address == value;

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{0,29}$")]
    private static partial Regex TablePrefixPattern();

    [GeneratedRegex(@"^[A-Za-z0-9\-._@+]{1,64}$")]
    private static partial Regex UserNamePattern();
}
