using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Cms.Data.Backup;
using Site.Tests.Deployers;
using Site.Tests.Infrastructure;
using Site.Tests.Modules.Media;

namespace Site.Tests.Backups;

/// <summary>
/// A backup carries the Media module's files (folders/media/… in the zip, listed in the manifest), and
/// restore puts them into the restored site's media folder; a backup whose folder entry leaves its
/// folder is refused, naming the entry, with nothing written.
/// </summary>
public sealed class MediaBackupTests
{
    private const string Url = "/media/backed-up/harbour.jpg";

    [Fact]
    public async Task BackupAndRestore_TheRestoredSiteServesTheSameImageBytesAtTheSameUrl()
    {
        using var source = new MediaSite();
        using var restored = new RestoredSite();
        using var files = new TempFolder();
        await Accounts.EnsureUserAsync(source, "media-backup-editor", "Editor");
        var editor = await Accounts.SignedInClientAsync(source, "media-backup-editor");
        var upload = await MediaSite.UploadAsync(editor, TestImages.Jpeg(withLocation: false), "harbour.jpg", "image/jpeg", "The harbour", "backed-up");
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var original = await source.CreateReader().GetByteArrayAsync(Url);
        var file = await BackUpAsync(source, files);

        using (var zip = ZipFile.OpenRead(file))
        {
            Assert.NotNull(zip.GetEntry("folders/media/backed-up/harbour.jpg"));
            var manifest = JsonSerializer.Deserialize<BackupManifest>(zip.GetEntry(BackupManifest.EntryName)!.Open())!;
            var media = Assert.Single(manifest.Folders);
            Assert.Equal(new BackupFolderRecord("media", "media", 1, original.Length), media);
        }

        var restore = await Cli.RunAsync(restored.AppData, [.. RestoreArgs(file, restored)]);
        Assert.True(restore.ExitCode == 0, restore.ToString());

        var served = await restored.CreateReader().GetAsync(Url);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(original, await served.Content.ReadAsByteArrayAsync());
        Assert.Equal(original, await File.ReadAllBytesAsync(Path.Combine(restored.AppData, "media", "backed-up", "harbour.jpg")));
    }

    [Fact]
    public async Task Restore_ABackupWhoseFolderEntryLeavesItsFolder_IsRefusedNamingTheEntry_AndWritesNothing()
    {
        using var source = new SiteFactory();
        using var restored = new RestoredSite();
        using var files = new TempFolder();
        Assert.Equal(HttpStatusCode.OK, (await source.CreateReader().GetAsync("/")).StatusCode); // the site is set up when it first starts
        var file = await BackUpAsync(source, files);
        const string evil = "folders/media/../../evil";
        using (var zip = ZipFile.Open(file, ZipArchiveMode.Update))
        {
            await using var entry = await zip.CreateEntry(evil).OpenAsync();
            await entry.WriteAsync("written outside the data folder"u8.ToArray());
        }

        var before = Directory.EnumerateFileSystemEntries(restored.AppData, "*", SearchOption.AllDirectories).Order().ToList();
        var restore = await Cli.RunAsync(restored.AppData, [.. RestoreArgs(file, restored)]);

        Assert.Equal(Cms.Cli.CliExit.InvalidInput, restore.ExitCode);
        Assert.Contains($"'{evil}' is refused", restore.Error);
        Assert.DoesNotContain("   at ", restore.ToString());
        Assert.Equal(before, Directory.EnumerateFileSystemEntries(restored.AppData, "*", SearchOption.AllDirectories).Order().ToList());
        Assert.False(File.Exists(Path.GetFullPath(Path.Combine(restored.AppData, "..", "evil"))));
    }

    [Fact]
    public async Task Restore_AFormat1BackupWithoutFolders_StillRestores()
    {
        using var source = new SiteFactory();
        using var restored = new RestoredSite();
        using var files = new TempFolder();
        Assert.Equal(HttpStatusCode.OK, (await source.CreateReader().GetAsync("/")).StatusCode);
        var file = await BackUpAsync(source, files);
        using (var zip = ZipFile.Open(file, ZipArchiveMode.Update))
        {
            var entry = zip.GetEntry(BackupManifest.EntryName)!;
            System.Text.Json.Nodes.JsonObject manifest;
            using (var read = entry.Open())
            {
                manifest = System.Text.Json.Nodes.JsonNode.Parse(read)!.AsObject();
            }

            manifest["FormatVersion"] = 1;
            manifest.Remove("Folders");
            entry.Delete();
            await using var rewritten = await zip.CreateEntry(BackupManifest.EntryName).OpenAsync();
            await JsonSerializer.SerializeAsync(rewritten, manifest);
        }

        var restore = await Cli.RunAsync(restored.AppData, [.. RestoreArgs(file, restored)]);

        Assert.True(restore.ExitCode == 0, restore.ToString());
        Assert.Equal(HttpStatusCode.OK, (await restored.CreateReader().GetAsync("/")).StatusCode);
    }

    private static async Task<string> BackUpAsync(SiteFactory source, TempFolder files)
    {
        var file = Path.Combine(files.Path, "site-backup.zip");
        var backup = await Cli.RunAsync(source.AppData, "backup", "--out", file);
        Assert.True(backup.ExitCode == 0, backup.ToString());
        return file;
    }

    private static List<string> RestoreArgs(string file, RestoredSite restored)
        => PostgresCluster.Enabled ? ["restore", file, "--connection-string", restored.NewPostgresDatabase()] : ["restore", file];
}
