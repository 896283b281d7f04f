using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Cms.Hosting;

/// <summary>
/// Where the site's own files live (appsettings.json, App_Data): beside the site, wherever the command
/// was typed. ASP.NET Core's default, the current folder, would make <c>cd /tmp; dotnet /srv/site/Site.dll export</c>
/// look for another site in /tmp; and <c>dotnet run</c> starts the process in the user's folder (Site.csproj's
/// RunWorkingDirectory) so that relative file arguments mean what the user sees.
/// </summary>
public static class SiteContentRoot
{
    /// <summary>The host's build embeds its project folder under this key (Site.csproj), except when published.</summary>
    public const string ProjectFolderKey = "Cms.ProjectFolder";

    /// <summary>
    /// The content root to use, or null when the deployer gave one (<c>--contentRoot</c>,
    /// <c>ASPNETCORE_CONTENTROOT</c>, <c>DOTNET_CONTENTROOT</c>; WebApplicationFactory passes it too).
    /// A build running from inside its own project folder (<c>dotnet run</c>, or bin/Debug/.../Site.dll)
    /// uses the project folder, as <c>dotnet run</c> always did; any other copy (a published site) uses its own folder.
    /// </summary>
    public static string? Find(string[] args, Assembly host)
    {
        var given = new ConfigurationBuilder()
            .AddEnvironmentVariables("DOTNET_")
            .AddEnvironmentVariables("ASPNETCORE_")
            .AddCommandLine(args)
            .Build()[HostDefaults.ContentRootKey];
        if (!string.IsNullOrEmpty(given))
        {
            return null;
        }

        var self = Path.GetFullPath(AppContext.BaseDirectory);
        var project = host.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == ProjectFolderKey)?.Value;
        if (!string.IsNullOrEmpty(project) && IsInside(self, project))
        {
            return Path.GetFullPath(project);
        }

        return self;
    }

    private static bool IsInside(string path, string folder)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)) + Path.DirectorySeparatorChar;
        return path.StartsWith(root, StringComparison.Ordinal);
    }
}
