using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Cms.Data;

/// <summary>
/// Holds the current <see cref="SiteShellSettings"/>: read from App_Data/site.json at start,
/// set by setup. Null while the site is not set up.
/// </summary>
public sealed class ShellSettingsStore
{
    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = true };
    private readonly string _path;
    private readonly string _contentRoot;
    private volatile SiteShellSettings? _current;
    private volatile bool _fileSeen;

    public ShellSettingsStore(IOptions<CmsOptions> options, IHostEnvironment environment)
    {
        _contentRoot = environment.ContentRootPath;
        AppDataPath = Path.GetFullPath(options.Value.AppData, _contentRoot);
        _path = Path.Combine(AppDataPath, "site.json");
        if (File.Exists(_path) && JsonSerializer.Deserialize<SiteShellSettings>(File.ReadAllText(_path)) is { } stored)
        {
            _current = Anchored(stored);
        }
    }

    public string AppDataPath { get; }

    /// <summary>The settings in use; set during setup before the file is written.</summary>
    public SiteShellSettings? Current => _current;

    /// <summary>
    /// Settings in use and site.json written. Asked by several middlewares on every request, the cached pages'
    /// included: once the file has been seen it is not looked for again (nothing removes it from a running site),
    /// which saved a file-system call per ask.
    /// </summary>
    public bool IsSetUp => _current is not null && (_fileSeen || (_fileSeen = File.Exists(_path)));

    public void Use(SiteShellSettings? settings) => _current = settings is null ? null : Anchored(settings);

    /// <summary>Raised once setup has written site.json: the database is now the site's.</summary>
    public event Action? SetUpCompleted;

    public void Save(SiteShellSettings settings)
    {
        settings = Anchored(settings);
        Directory.CreateDirectory(AppDataPath);
        var temp = _path + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(settings, s_json));
        File.Move(temp, _path, overwrite: true);
        _current = settings;
        SetUpCompleted?.Invoke();
    }

    /// <summary>
    /// A SQLite file named by a relative path belongs to the content root, as App_Data does, not to
    /// whatever folder the process starts in: dotnet run and the command line start where the user
    /// stands. Anything else (PostgreSQL, in-memory, an absolute path, a string SQLite cannot read) is left as given.
    /// </summary>
    public SiteShellSettings Anchored(SiteShellSettings settings)
    {
        if (settings.DatabaseProvider != SiteShellSettings.Sqlite)
        {
            return settings;
        }

        try
        {
            var builder = new SqliteConnectionStringBuilder(settings.ConnectionString);
            var file = builder.DataSource;
            if (file.Length == 0 || file == ":memory:" || builder.Mode == SqliteOpenMode.Memory
                || file.StartsWith("file:", StringComparison.OrdinalIgnoreCase) || Path.IsPathRooted(file))
            {
                return settings;
            }

            builder.DataSource = Path.GetFullPath(file, _contentRoot);
            return settings with { ConnectionString = builder.ToString() };
        }
        catch (ArgumentException)
        {
            return settings;
        }
    }

    /// <summary>The default SQLite connection string for a file in App_Data.</summary>
    public string DefaultSqliteConnectionString()
        => $"Data Source={Path.Combine(AppDataPath, "site.db")};Cache=Private;Foreign Keys=True;Default Timeout=30";
}
