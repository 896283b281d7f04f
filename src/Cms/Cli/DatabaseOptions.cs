using System.CommandLine;
using System.Text.RegularExpressions;
using Cms.Data;
using Cms.Data.Transfer;

namespace Cms.Cli;

/// <summary>The options that name a database, shared by <c>restore</c> and <c>database move</c>, read and checked the same way.</summary>
public sealed partial class DatabaseOptions
{
    public Option<string> To { get; } = new("--to") { Description = "Sqlite or Postgres." };

    public Option<string> ConnectionString { get; } = new("--connection-string") { Description = "The database: for PostgreSQL required (an empty database, made if missing); for SQLite a file, App_Data/site.db by default." };

    public Option<string> TablePrefix { get; } = new("--table-prefix") { Description = "A prefix for every table (letters, digits, underscores)." };

    public void AddTo(Command command)
    {
        command.Options.Add(To);
        command.Options.Add(ConnectionString);
        command.Options.Add(TablePrefix);
    }

    /// <summary>The provider's name as site.json keeps it, null when not given; an error message when it is not one.</summary>
    public static (string? Provider, string? Error) Provider(string? typed)
        => typed is null ? (null, null)
            : SiteDatabase.ProviderName(typed) is { } name ? (name, null)
            : (null, $"--to must be Sqlite or Postgres, not '{typed}'.");

    public static string? PrefixError(string? prefix)
        => prefix is null || Prefix().IsMatch(prefix) ? null : $"--table-prefix may hold letters, digits and underscores only, not '{prefix}'.";

    /// <summary>What a connection string shows in a message: no password.</summary>
    public static string Describe(SiteShellSettings settings)
    {
        if (SiteDatabase.SqliteFileOf(settings) is { } file)
        {
            return $"SQLite, {file}";
        }

        var pg = new Npgsql.NpgsqlConnectionStringBuilder(settings.ConnectionString) { Password = null };
        return $"PostgreSQL, {pg.Host}:{pg.Port}/{pg.Database}" + (settings.TablePrefix.Length > 0 ? $", tables {settings.TablePrefix}_*" : "");
    }

    [GeneratedRegex("^[A-Za-z0-9_]{1,32}$")]
    private static partial Regex Prefix();
}
