using System.Diagnostics;
using Npgsql;

namespace Cms.Data.Backup;

/// <summary>
/// PostgreSQL's client programs (pg_dump, pg_restore), run with the connection given through PG*
/// variables, so the password never shows in a process list.
/// </summary>
public static class PgTools
{
    /// <summary>The program's path: the configured one, else on PATH, else Debian's newest; null when there is none or "none" was configured.</summary>
    public static string? Find(string program, string configured)
    {
        if (string.Equals(configured, "none", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (configured.Length > 0)
        {
            return File.Exists(configured) ? configured : null;
        }

        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, program)).FirstOrDefault(File.Exists);
        if (onPath is not null)
        {
            return onPath;
        }

        const string debian = "/usr/lib/postgresql";
        return Directory.Exists(debian)
            ? Directory.GetDirectories(debian).OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
                .Select(d => Path.Combine(d, "bin", program)).FirstOrDefault(File.Exists)
            : null;
    }

    /// <summary>Runs the program; returns its exit code and what it wrote to stderr.</summary>
    public static async Task<(int ExitCode, string Error)> RunAsync(string program, IEnumerable<string> arguments, string connectionString, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var connection = new NpgsqlConnectionStringBuilder(connectionString);
        Set(start, "PGHOST", connection.Host);
        Set(start, "PGPORT", connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Set(start, "PGDATABASE", connection.Database);
        Set(start, "PGUSER", connection.Username);
        Set(start, "PGPASSWORD", connection.Password);
        Set(start, "PGSSLMODE", connection.SslMode switch
        {
            SslMode.Disable => "disable",
            SslMode.Require => "require",
            SslMode.VerifyCA => "verify-ca",
            SslMode.VerifyFull => "verify-full",
            _ => "prefer",
        });
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        await output;
        return (process.ExitCode, (await error).Trim());
    }

    private static void Set(ProcessStartInfo start, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            start.Environment[name] = value;
        }
    }
}
