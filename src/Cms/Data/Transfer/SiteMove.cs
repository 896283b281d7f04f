namespace Cms.Data.Transfer;

/// <summary>
/// Moves the site to another database (SQLite to PostgreSQL or back): every row of every table read
/// at one moment of the current database, copied into the new one with its keys (users keep their
/// password hashes, comments their threads), the search index made again there, the row counts
/// compared, and only then site.json pointed at the new database. The old database is left as it was.
/// </summary>
public sealed class SiteMove(IServiceProvider services, ShellSettingsStore shell, SiteTransfer transfer)
{
    public sealed record Result(SiteShellSettings From, SiteShellSettings To, IReadOnlyDictionary<string, long> Rows);

    public async Task<Result> MoveAsync(SiteShellSettings target, CancellationToken cancellationToken = default)
    {
        if (!shell.IsSetUp || shell.Current is not { } current)
        {
            throw new TransferException($"the site is not set up (data folder {shell.AppDataPath}); there is nothing to move.");
        }

        if (current.DatabaseProvider == target.DatabaseProvider && current.ConnectionString == target.ConnectionString && current.TablePrefix == target.TablePrefix)
        {
            throw new TransferException("the site already uses that database.");
        }

        await using var source = SiteDatabase.Open(services, current);
        await using var snapshot = await SiteDatabase.BeginSnapshotAsync(source, cancellationToken);
        var expected = await SiteCopier.CountAsync(source, cancellationToken);
        var copied = await transfer.CopyIntoAsync(target, new DatabaseRowSource(source), cancellationToken);
        var wrong = expected.Where(e => copied.Rows.GetValueOrDefault(e.Key) != e.Value).Select(e => $"{e.Key}: {copied.Rows.GetValueOrDefault(e.Key)} of {e.Value}").ToList();
        if (wrong.Count > 0)
        {
            shell.Use(current);
            throw new TransferException("the copy does not hold every row, so the site stays where it was: " + string.Join("; ", wrong));
        }

        shell.Save(target);
        return new Result(current, target, copied.Rows);
    }
}
