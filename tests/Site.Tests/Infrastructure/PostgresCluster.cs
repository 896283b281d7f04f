using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Site.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL cluster from Debian's postgresql package: initdb into a temporary folder,
/// a free port on 127.0.0.1, started on first use and removed when the test process ends. Each site
/// under test gets its own database in it.
/// </summary>
public sealed class PostgresCluster
{
    private static readonly Lazy<PostgresCluster> s_instance = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly Process _server;
    private readonly string _folder;

    private PostgresCluster(Process server, string folder, int port)
    {
        _server = server;
        _folder = folder;
        Port = port;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop();
    }

    /// <summary>Set CMS_TEST_DATABASE=Postgres to run the sites under test on PostgreSQL.</summary>
    public static bool Enabled => string.Equals(Environment.GetEnvironmentVariable("CMS_TEST_DATABASE"), "Postgres", StringComparison.OrdinalIgnoreCase);

    public static PostgresCluster Instance => s_instance.Value;

    public int Port { get; }

    public string ConnectionString(string database) => $"Host=127.0.0.1;Port={Port};Database={database};Username=postgres;Include Error Detail=true";

    public string CreateDatabase()
    {
        var name = "site_" + Guid.NewGuid().ToString("N")[..16];
        Execute($"CREATE DATABASE {name}");
        return name;
    }

    public void DropDatabase(string name)
    {
        NpgsqlConnection.ClearAllPools();
        Execute($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }

    private void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static PostgresCluster Start()
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(d => Path.Combine(d, "bin")).FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")))
            ?? throw new InvalidOperationException("PostgreSQL is not installed: ./test.sh installs Debian's postgresql package.");
        var folder = Path.Combine(Path.GetTempPath(), "site-tests-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            // PostgreSQL refuses to run as root; the package's own user runs the throwaway cluster.
            Run("chown", $"postgres {folder}", asPostgres: false);
        }

        Run(Path.Combine(bin, "initdb"), $"-D {folder}/data -U postgres --auth=trust --no-sync -E UTF8", asRoot);
        var port = FreePort();
        var server = Launch(Path.Combine(bin, "postgres"),
            $"-D {folder}/data -p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300",
            asRoot);

        // The server logs to stderr for as long as it runs: drain it so the pipe never fills.
        server.ErrorDataReceived += (_, _) => { };
        server.BeginErrorReadLine();
        var cluster = new PostgresCluster(server, folder, port);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                cluster.Execute("SELECT 1");
                return cluster;
            }
            catch (NpgsqlException) when (DateTime.UtcNow < deadline && !server.HasExited)
            {
                Thread.Sleep(200);
            }
        }
    }

    private void Stop()
    {
        try
        {
            if (!_server.HasExited)
            {
                _server.Kill(entireProcessTree: true);
                _server.WaitForExit(5000);
            }

            Directory.Delete(_folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            // A leftover temporary folder must not fail the run.
        }
    }

    private static void Run(string file, string arguments, bool asPostgres)
    {
        using var process = Launch(file, arguments, asPostgres);
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} failed: {process.StandardError.ReadToEnd()}");
        }
    }

    private static Process Launch(string file, string arguments, bool asPostgres)
    {
        var start = asPostgres
            ? new ProcessStartInfo("runuser", $"-u postgres -- {file} {arguments}")
            : new ProcessStartInfo(file, arguments);
        start.RedirectStandardError = true;
        start.RedirectStandardOutput = true;
        start.UseShellExecute = false;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        return process;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
