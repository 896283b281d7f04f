using System.IO.Compression;
using System.Text.RegularExpressions;

namespace Cms.Data.Backup;

/// <summary>
/// The modules' folders of files in a backup (<see cref="IBackupFolder"/>): each file streamed into
/// folders/{name}/{relative path}, symbolic links never followed; on restore every entry is checked
/// (no "..", no rooted path, no unknown folder, no different file already there) before one is written.
/// </summary>
public static partial class BackupFolders
{
    /// <summary>Names the folders' files in <paramref name="zip"/> and returns what each held.</summary>
    public static async Task<List<BackupFolderRecord>> WriteAsync(ZipArchive zip, IEnumerable<IBackupFolder> folders, string appData, CancellationToken cancellationToken)
    {
        var records = new List<BackupFolderRecord>();
        foreach (var folder in folders)
        {
            if (!NamePattern().IsMatch(folder.Name) || records.Any(r => r.Name == folder.Name))
            {
                throw new BackupException($"the backup folder name '{folder.Name}' is not a unique name of lower-case letters, digits and '-'.");
            }

            var root = Path.GetFullPath(folder.Path);
            var (files, bytes) = (0, 0L);
            if (Directory.Exists(root))
            {
                // Symbolic links (to files or folders) are skipped, so nothing outside the folder is read.
                var walk = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = false };
                foreach (var file in new DirectoryInfo(root).EnumerateFiles("*", walk))
                {
                    var relative = Path.GetRelativePath(root, file.FullName).Replace(Path.DirectorySeparatorChar, '/');
                    try
                    {
                        await zip.CreateEntryFromFileAsync(file.FullName, $"{BackupEntries.Folders}{folder.Name}/{relative}", CompressionLevel.Fastest, cancellationToken);
                        (files, bytes) = (files + 1, bytes + file.Length);
                    }
                    catch (FileNotFoundException)
                    {
                        // Deleted while the backup ran: the database copy may or may not name it; nothing to carry.
                    }
                }
            }

            var inAppData = Path.GetRelativePath(Path.GetFullPath(appData), root);
            var inside = inAppData != "." && !inAppData.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(inAppData);
            records.Add(new BackupFolderRecord(folder.Name, inside ? inAppData.Replace(Path.DirectorySeparatorChar, '/') : null, files, bytes));
        }

        return records;
    }

    /// <summary>
    /// Every folder entry of the backup with the file it restores to, all checked first: a bad entry
    /// throws naming it, and nothing has been written. <paramref name="targetOf"/> gives this site's
    /// folder of a name (or null when this build has none).
    /// </summary>
    public static async Task<List<(ZipArchiveEntry Entry, string File)>> PlanAsync(BackupArchive archive, Func<BackupFolderRecord, string?> targetOf, CancellationToken cancellationToken)
    {
        var plan = new List<(ZipArchiveEntry, string)>();
        var targets = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in archive.Zip.Entries.Where(e => e.FullName.StartsWith(BackupEntries.Folders, StringComparison.Ordinal)))
        {
            var rest = entry.FullName[BackupEntries.Folders.Length..];
            var slash = rest.IndexOf('/');
            var name = slash < 0 ? rest : rest[..slash];
            var relative = slash < 0 ? "" : rest[(slash + 1)..];
            if (relative.Length == 0 && entry.FullName.EndsWith('/'))
            {
                continue; // a folder entry
            }

            var segments = relative.Split('/', '\\');
            if (!NamePattern().IsMatch(name) || relative.Length == 0 || Path.IsPathRooted(relative) || relative.Contains(':')
                || segments.Any(s => s is ".." or "." or ""))
            {
                throw Refused(entry, "its path leaves its folder (\"..\", a rooted path or an empty name); the backup is damaged or was made to attack");
            }

            if (!targets.TryGetValue(name, out var root))
            {
                var record = archive.Manifest.Folders.FirstOrDefault(f => f.Name == name)
                    ?? throw Refused(entry, $"the manifest lists no folder '{name}'");
                root = Path.GetFullPath(targetOf(record) ?? throw Refused(entry, $"this site has no folder '{name}' to put it in (is its module part of this build?)"));
                targets[name] = root;
            }

            var file = Path.GetFullPath(Path.Combine(root, Path.Combine(segments)));
            if (!file.StartsWith(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                throw Refused(entry, "its path leaves its folder");
            }

            if (File.Exists(file) && !await SameBytesAsync(entry, file, cancellationToken))
            {
                throw Refused(entry, $"{file} already exists with other content; restore into an empty folder");
            }

            plan.Add((entry, file));
        }

        return plan;
    }

    /// <summary>Writes the planned files (a file already there with the same bytes is kept).</summary>
    public static async Task ExtractAsync(IEnumerable<(ZipArchiveEntry Entry, string File)> plan, CancellationToken cancellationToken)
    {
        foreach (var (entry, file) in plan.Where(p => !File.Exists(p.File)))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            var partial = file + ".restoring";
            await entry.ExtractToFileAsync(partial, overwrite: true, cancellationToken);
            File.Move(partial, file);
        }
    }

    private static BackupException Refused(ZipArchiveEntry entry, string why)
        => new($"the backup's entry '{entry.FullName}' is refused: {why}. Nothing was restored.") { BadInput = true };

    private static async Task<bool> SameBytesAsync(ZipArchiveEntry entry, string file, CancellationToken cancellationToken)
    {
        if (new FileInfo(file).Length != entry.Length)
        {
            return false;
        }

        await using var a = await entry.OpenAsync(cancellationToken);
        await using var b = File.OpenRead(file);
        var hashA = await System.Security.Cryptography.SHA256.HashDataAsync(a, cancellationToken);
        var hashB = await System.Security.Cryptography.SHA256.HashDataAsync(b, cancellationToken);
        return hashA.AsSpan().SequenceEqual(hashB);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex NamePattern();
}
