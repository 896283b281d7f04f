using Site.Tests.Infrastructure;

namespace Site.Tests.Reliability;

/// <summary>
/// A PostgreSQL cluster of one test's own, driven with pg_ctl as an operator would: <see cref="StopAsync"/>
/// is <c>pg_ctl stop -m fast</c> (sessions cut, transactions rolled back), <see cref="StartAsync"/> brings it
/// back on the same port. The suite's shared cluster is never stopped.
/// </summary>
public sealed class OwnPostgres : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _folder;
    private readonly bool _asRoot = System.Environment.UserName == "root";

    private OwnPostgres(string bin, string folder, int port)
    {
        _bin = bin;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString(string database) => $"Host=127.0.0.1;Port={Port};Database={database};Username=postgres";

    public static async Task<OwnPostgres> CreateAsync()
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(d => Path.Combine(d, "bin")).FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")))
            ?? throw new InvalidOperationException("PostgreSQL is not installed: ./test.sh installs Debian's postgresql package.");
        var folder = Path.Combine(Path.GetTempPath(), "site-tests-pg-own-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var cluster = new OwnPostgres(bin, folder, TempFolder.FreePort());
        if (cluster._asRoot)
        {
            await RunAsync("chown", false, "postgres", folder);
        }

        await cluster.PgAsync("initdb", "-D", $"{folder}/data", "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8");
        await cluster.StartAsync();
        return cluster;
    }

    public Task StartAsync() => PgAsync("pg_ctl", "-D", $"{_folder}/data", "-l", $"{_folder}/log", "-w", "-t", "60",
        "-o", $"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200", "start");

    public Task StopAsync() => PgAsync("pg_ctl", "-D", $"{_folder}/data", "-m", "fast", "-w", "-t", "60", "stop");

    public async ValueTask DisposeAsync()
    {
        try
        {
            await PgAsync("pg_ctl", "-D", $"{_folder}/data", "-m", "immediate", "-w", "stop");
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder must not fail the run.
        }
    }

    private Task PgAsync(string tool, params string[] args) => RunAsync(Path.Combine(_bin, tool), _asRoot, args);

    private static async Task RunAsync(string file, bool asPostgres, params string[] args)
    {
        var run = asPostgres
            ? await Processes.RunAsync("runuser", "/", TimeSpan.FromMinutes(2), null, ["-u", "postgres", "--", file, .. args])
            : await Processes.RunAsync(file, "/", TimeSpan.FromMinutes(2), null, args);
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)}: {run}");
        }
    }
}
