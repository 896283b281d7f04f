using System.CommandLine;
using Cms.Data;
using Cms.Setup;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Cli;

/// <summary>
/// <c>setup</c>: sets the site up unattended. Every value is an option; an option left out is read
/// from configuration (Setup:SiteName, Setup__AdminPassword, ...), as unattended setup at start does.
/// </summary>
public static class SetupCommand
{
    public static Command Create(CliContext context)
    {
        var options = new (string Key, Option<string> Option)[]
        {
            (nameof(SetupRequest.SiteName), new("--site-name") { Description = "The site's name (Setup:SiteName)." }),
            (nameof(SetupRequest.BaseUrl), new("--base-url") { Description = "The site's public address, e.g. https://news.example.com: links in mail, feeds and the sitemap use it, and other host names get 400 (Setup:BaseUrl; not needed when Cms:BaseUrl is set)." }),
            (nameof(SetupRequest.TimeZoneId), new("--time-zone") { Description = "IANA time zone, e.g. Europe/London (Setup:TimeZoneId; default UTC)." }),
            (nameof(SetupRequest.RecipeName), new("--recipe") { Description = "The setup recipe (Setup:RecipeName; default: the setup recipe marked default)." }),
            (nameof(SetupRequest.DatabaseProvider), new("--database-provider") { Description = "Sqlite or Postgres (Setup:DatabaseProvider; default Sqlite)." }),
            (nameof(SetupRequest.ConnectionString), new("--connection-string") { Description = "PostgreSQL connection string; for SQLite optional (Setup:ConnectionString)." }),
            (nameof(SetupRequest.TablePrefix), new("--table-prefix") { Description = "A prefix for every table (Setup:TablePrefix)." }),
            (nameof(SetupRequest.AdminUserName), new("--admin-user") { Description = "The first administrator's user name (Setup:AdminUserName)." }),
            (nameof(SetupRequest.AdminEmail), new("--admin-email") { Description = "The administrator's e-mail (Setup:AdminEmail)." }),
            (nameof(SetupRequest.AdminPassword), new("--admin-password") { Description = "At least 12 characters (Setup:AdminPassword; prefer the variable Setup__AdminPassword, which no process list shows)." }),
        };
        var command = new Command("setup", "Sets a new site up: database, setup recipe and administrator. Example: setup --site-name \"News Commentary\" --base-url https://news.example.com --admin-user admin --admin-email admin@example.com");
        foreach (var (_, option) in options)
        {
            command.Options.Add(option);
        }

        command.SetAction(async parsed =>
        {
            var configuration = context.Services.GetRequiredService<IConfiguration>().GetSection("Setup");
            string? Value(string key) => parsed.GetValue(options.First(o => o.Key == key).Option) ?? configuration[key];
            var request = new SetupRequest
            {
                SiteName = Value(nameof(SetupRequest.SiteName)) ?? "",
                TimeZoneId = Value(nameof(SetupRequest.TimeZoneId)) ?? "UTC",
                BaseUrl = Value(nameof(SetupRequest.BaseUrl)),
                RecipeName = Value(nameof(SetupRequest.RecipeName)) ?? "",
                DatabaseProvider = Value(nameof(SetupRequest.DatabaseProvider)) ?? SiteShellSettings.Sqlite,
                ConnectionString = Value(nameof(SetupRequest.ConnectionString)),
                TablePrefix = Value(nameof(SetupRequest.TablePrefix)),
                AdminUserName = Value(nameof(SetupRequest.AdminUserName)) ?? "",
                AdminEmail = Value(nameof(SetupRequest.AdminEmail)) ?? "",
                AdminPassword = Value(nameof(SetupRequest.AdminPassword)) ?? "",
            };
            string OptionFor(string key) => options.FirstOrDefault(o => o.Key == key).Option?.Name ?? "setup";

            var shell = context.Services.GetRequiredService<ShellSettingsStore>();
            if (shell.IsSetUp)
            {
                return context.Fail(CliExit.Environment, $"the site in {shell.AppDataPath} is already set up.");
            }

            using var scope = context.Services.CreateScope();
            var setup = scope.ServiceProvider.GetRequiredService<ISetupService>();
            var invalid = await setup.ValidateAsync(request);
            if (invalid.Count > 0)
            {
                return Report(context, CliExit.InvalidInput, invalid, OptionFor);
            }

            var result = await setup.SetupAsync(request);
            if (!result.Succeeded)
            {
                // Values were valid, so what failed is the database, the setup recipe, or a site set up meanwhile.
                var input = result.Errors.Keys.Any(k => k.StartsWith("Admin", StringComparison.Ordinal));
                return Report(context, input ? CliExit.InvalidInput : CliExit.Environment, result.Errors, OptionFor);
            }

            await context.Out.WriteLineAsync($"The site '{request.SiteName.Trim()}' is set up with recipe {request.RecipeName} ({request.DatabaseProvider}; data folder {shell.AppDataPath}).");
            return CliExit.Ok;
        });
        return command;
    }

    private static int Report(CliContext context, int exitCode, IReadOnlyDictionary<string, string> errors, Func<string, string> optionFor)
    {
        context.Error.WriteLine("error: the site was not set up; nothing was written.");
        foreach (var (key, message) in errors)
        {
            context.Error.WriteLine($"  {optionFor(key)}: {message}");
        }

        return exitCode;
    }
}
