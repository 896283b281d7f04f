using System.Text.Json;
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
    private volatile SiteShellSettings? _current;

    public ShellSettingsStore(IOptions<CmsOptions> options, IHostEnvironment environment)
    {
        AppDataPath = Path.GetFullPath(options.Value.AppData, environment.ContentRootPath);
        _path = Path.Combine(AppDataPath, "site.json");
        if (File.Exists(_path))
        {
            _current = JsonSerializer.Deserialize<SiteShellSettings>(File.ReadAllText(_path));
        }
    }

    public string AppDataPath { get; }

    /// <summary>The settings in use; set during setup before the file is written.</summary>
    public SiteShellSettings? Current => _current;

    public bool IsSetUp => File.Exists(_path) && _current is not null;

    public void Use(SiteShellSettings? settings) => _current = settings;

    /// <summary>Raised once setup has written site.json: the database is now the site's.</summary>
    public event Action? SetUpCompleted;

    public void Save(SiteShellSettings settings)
    {
        Directory.CreateDirectory(AppDataPath);
        var temp = _path + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(settings, s_json));
        File.Move(temp, _path, overwrite: true);
        _current = settings;
        SetUpCompleted?.Invoke();
    }

    /// <summary>The default SQLite connection string for a file in App_Data.</summary>
    public string DefaultSqliteConnectionString()
        => $"Data Source={Path.Combine(AppDataPath, "site.db")};Cache=Private;Foreign Keys=True;Default Timeout=30";
}
