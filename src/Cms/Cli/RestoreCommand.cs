using System.CommandLine;
using Cms.Data;
using Cms.Data.Backup;
using Cms.Data.Transfer;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Cli;

/// <summary><c>restore FILE [--to P] [--connection-string CS] [--table-prefix P]</c>: a backup into an empty data folder.</summary>
public static class RestoreCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "A backup made by 'backup' (or the admin's Backups page)." };
        var database = new DatabaseOptions();
        var command = new Command("restore", "Restores a backup into an empty data folder (Cms__AppData), on the backup's database provider or another. Example: restore site-backup.zip") { file };
        database.AddTo(command);
        command.SetAction(async parsed =>
        {
            var (provider, providerError) = DatabaseOptions.Provider(parsed.GetValue(database.To));
            var prefix = parsed.GetValue(database.TablePrefix);
            if ((providerError ?? DatabaseOptions.PrefixError(prefix)) is { } error)
            {
                return context.Fail(CliExit.InvalidInput, error);
            }

            var path = parsed.GetValue(file)!.FullName;
            if (!File.Exists(path))
            {
                return context.Fail(CliExit.InvalidInput, $"{path} does not exist.");
            }

            var shell = context.Services.GetRequiredService<ShellSettingsStore>();
            if (shell.IsSetUp)
            {
                return context.Fail(CliExit.Environment, $"the data folder {shell.AppDataPath} holds a site (site.json); restore into an empty data folder (Cms__AppData=/new/folder), or move this one away first.");
            }

            try
            {
                var result = await context.Services.GetRequiredService<SiteRestore>().RestoreAsync(path, provider, parsed.GetValue(database.ConnectionString), prefix);
                var rows = result.Rows;
                await context.Out.WriteLineAsync(
                    $"Restored '{result.Manifest.SiteName}' as backed up at {result.Manifest.CreatedUtc:yyyy-MM-dd HH:mm:ss} UTC into {DatabaseOptions.Describe(result.Settings)} " +
                    $"(data folder {shell.AppDataPath}): {Summary(rows)}.");
                return CliExit.Ok;
            }
            catch (Exception ex) when (ex is BackupException or TransferException)
            {
                return context.Fail(ex is BackupException { BadInput: true } ? CliExit.InvalidInput : CliExit.Environment, "nothing was restored: " + ex.Message);
            }
        });
        return command;
    }

    /// <summary>The counts a deployer recognises: content versions, users, comments.</summary>
    public static string Summary(IReadOnlyDictionary<string, long> rows)
    {
        long Count(string suffix) => rows.Where(r => r.Key.EndsWith(suffix, StringComparison.Ordinal)).Sum(r => r.Value);
        return $"{Count(".ContentItemRecord")} content version(s), {Count(".CmsUser")} user(s), {Count(".Comment")} comment(s), {rows.Values.Sum()} rows in {rows.Count} tables";
    }
}
