namespace Cms.Data;

/// <summary>Host-level options, bound from the "Cms" configuration section.</summary>
public sealed class CmsOptions
{
    /// <summary>Folder for the site's data: settings file, SQLite database, mail pickup. Cms__AppData.</summary>
    /// <remarks>A relative path is taken from the content root.</remarks>
    public string AppData { get; set; } = "App_Data";

    /// <summary>How often a node looks for changes made by other nodes of the site (Cms__ClusterPollMilliseconds).</summary>
    public int ClusterPollMilliseconds { get; set; } = 1000;

    /// <summary>
    /// How long a stopping site (SIGTERM, Ctrl+C) lets requests in flight finish before it exits anyway
    /// (Cms__ShutdownTimeout). Under the 30 s that Kubernetes and systemd-style supervisors wait before SIGKILL.
    /// </summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(25);
}
