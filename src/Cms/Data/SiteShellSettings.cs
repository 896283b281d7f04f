namespace Cms.Data;

/// <summary>
/// Where the site's database is: chosen at setup and kept in App_Data/site.json, because the
/// database cannot say where it is itself. Before setup there is none.
/// </summary>
public sealed record SiteShellSettings
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    public string DatabaseProvider { get; init; } = Sqlite;
    public string ConnectionString { get; init; } = "";
    public string TablePrefix { get; init; } = "";
}
