using System.CommandLine;
using Cms.Data;
using Cms.Data.Transfer;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Cli;

/// <summary><c>database move --to P [--connection-string CS] [--table-prefix P]</c>: the site to another database.</summary>
public static class DatabaseCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("database", "Works on the site's database as a whole.");
        var database = new DatabaseOptions();
        database.To.Required = true;
        var move = new Command("move", "Moves the site to another database (SQLite to PostgreSQL or back), keeping everything: users with their passwords, roles, comments, every content version, settings, Data Protection keys; the search index is made again. " +
            "Stop the site first (writes made during the move stay behind). The old database is left as it was. Example: database move --to Postgres --connection-string \"Host=db;Database=news;Username=news;Password=...\"");
        database.AddTo(move);
        command.Subcommands.Add(move);
        move.SetAction(async parsed =>
        {
            var (provider, providerError) = DatabaseOptions.Provider(parsed.GetValue(database.To));
            var prefix = parsed.GetValue(database.TablePrefix);
            if ((providerError ?? DatabaseOptions.PrefixError(prefix)) is { } error)
            {
                return context.Fail(CliExit.InvalidInput, error);
            }

            var connection = parsed.GetValue(database.ConnectionString);
            if (provider == SiteShellSettings.Postgres && string.IsNullOrWhiteSpace(connection))
            {
                return context.Fail(CliExit.InvalidInput, "--connection-string is needed for PostgreSQL: the database to move to (empty, or made if missing).");
            }

            // The site's own schema brought up to date first, so every column this build knows is there to copy.
            using (var site = await context.OpenSiteAsync(migrate: true))
            {
                if (site is null)
                {
                    return CliExit.Environment;
                }
            }

            var shell = context.Services.GetRequiredService<ShellSettingsStore>();
            var target = shell.Anchored(new SiteShellSettings
            {
                DatabaseProvider = provider!,
                ConnectionString = string.IsNullOrWhiteSpace(connection) ? shell.DefaultSqliteConnectionString() : connection,
                TablePrefix = prefix ?? shell.Current!.TablePrefix,
            });
            try
            {
                var result = await context.Services.GetRequiredService<SiteMove>().MoveAsync(target);
                await context.Out.WriteLineAsync($"Moved the site from {DatabaseOptions.Describe(result.From)} to {DatabaseOptions.Describe(result.To)}: {RestoreCommand.Summary(result.Rows)}. " +
                    "The old database is left as it was.");
                return CliExit.Ok;
            }
            catch (TransferException ex)
            {
                return context.Fail(CliExit.Environment, "the site was not moved: " + ex.Message);
            }
        });
        return command;
    }
}
