using Cms.Modules;

namespace Cms.Data.Backup;

/// <summary>
/// A folder of files a module keeps outside the database (the Media module's uploads) that a backup
/// must carry: written under <c>folders/{Name}/</c> in the zip and put back, on restore, into the
/// restored site's folder of the same name. Registered with AddBackupFolder, it is part of backups
/// only while its feature is enabled.
/// </summary>
public interface IBackupFolder
{
    /// <summary>The folder's name in the backup: lower-case letters, digits and '-' ("media").</summary>
    string Name { get; }

    /// <summary>The absolute path of the folder on this site (it need not exist yet).</summary>
    string Path { get; }
}

public static class BackupFolderExtensions
{
    public static FeatureServices AddBackupFolder<TFolder>(this FeatureServices services)
        where TFolder : class, IBackupFolder
        => services.AddFeatureBound<IBackupFolder, TFolder>();
}
