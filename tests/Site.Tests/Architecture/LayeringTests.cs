using System.Xml.Linq;

namespace Site.Tests.Architecture;

/// <summary>
/// What each project may reference (docs/architecture.md, "Layers"), read from the project files: the
/// framework knows no module, and a module reaches another only through its abstractions project.
/// </summary>
public sealed class LayeringTests
{
    /// <summary>The framework's packages, each with why the framework (not a module) needs it.</summary>
    private static readonly Dictionary<string, string> s_frameworkPackages = new(StringComparer.Ordinal)
    {
        ["Microsoft.EntityFrameworkCore.Sqlite"] = "the site's database (SQLite by default)",
        ["Npgsql.EntityFrameworkCore.PostgreSQL"] = "the site's database on PostgreSQL",
        ["Microsoft.AspNetCore.Identity.EntityFrameworkCore"] = "users and roles live in the site's database",
        ["Microsoft.AspNetCore.OutputCaching.StackExchangeRedis"] = "the output cache shared by several nodes",
        ["System.CommandLine"] = "the deployer's command line runs in the host",
        ["OpenTelemetry.Extensions.Hosting"] = "traces and metrics of every request, the output cache and the database are the host's",
        ["OpenTelemetry.Instrumentation.AspNetCore"] = "request rate and latency per route",
        ["OpenTelemetry.Exporter.OpenTelemetryProtocol"] = "telemetry leaves over OTLP when an endpoint is configured",
        ["OpenTelemetry.Exporter.Console"] = "telemetry on the console (Telemetry__Console) for a look without a collector",
    };

    public static IEnumerable<string> Projects => RepositoryFiles.Under("src", "*.csproj");

    [Fact]
    public void Projects_AreFound()
    {
        Assert.Contains("src/Cms/Cms.csproj", Projects);
        Assert.Contains("src/Modules/Contents.Abstractions/Contents.Abstractions.csproj", Projects);
        Assert.True(Projects.Count() > 15, $"found only {Projects.Count()} projects");
    }

    [Fact]
    public void EveryProject_ReferencesOnlyWhatItsLayerAllows()
    {
        var problems = Projects.SelectMany(p => References(p).Select(r => (Project: p, Reference: r)))
            .Where(x => !Allowed(Layer(x.Project), x.Reference, x.Project))
            .Select(x => $"{x.Project} ({Layer(x.Project)}) references {x.Reference} ({Layer(x.Reference)})")
            .ToList();

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Framework_UsesOnlyPackagesItNeedsItself()
    {
        var packages = XDocument.Parse(RepositoryFiles.Read("src/Cms/Cms.csproj")).Descendants("PackageReference")
            .Select(p => (string)p.Attribute("Include")!)
            .ToList();

        // A package only one module uses (Fluid.Core for Contents' path patterns, Markdig for Markdown) belongs to that module.
        Assert.Empty(packages.Except(s_frameworkPackages.Keys));
    }

    [Fact]
    public void EveryProject_IsInTheSolution()
    {
        var solution = Directory.EnumerateFiles(RepositoryFiles.Root, "*.sln*").Single();
        var text = File.ReadAllText(solution).Replace('\\', '/');

        Assert.All(Projects, p => Assert.Contains(p, text, StringComparison.Ordinal));
    }

    [Fact]
    public void InternalsVisibleTo_NamesProjectsThatExist()
    {
        var projects = RepositoryFiles.Under(".", "*.csproj").Select(Path.GetFileNameWithoutExtension).ToHashSet(StringComparer.Ordinal);
        var named = Projects.SelectMany(p => XDocument.Parse(RepositoryFiles.Read(p)).Descendants("InternalsVisibleTo")
            .Select(i => (Project: p, Friend: (string)i.Attribute("Include")!))).ToList();

        Assert.All(named, n => Assert.True(projects.Contains(n.Friend), $"{n.Project} opens its internals to {n.Friend}, which is no project here"));
    }

    private enum ProjectLayer
    {
        Framework,
        Abstractions,
        Module,
        Theme,
        Host,
        Other,
    }

    private static ProjectLayer Layer(string project) => project switch
    {
        "src/Cms/Cms.csproj" => ProjectLayer.Framework,
        "src/Site/Site.csproj" => ProjectLayer.Host,
        _ when project.StartsWith("src/Modules/", StringComparison.Ordinal) && project.EndsWith(".Abstractions.csproj", StringComparison.Ordinal) => ProjectLayer.Abstractions,
        _ when project.StartsWith("src/Modules/", StringComparison.Ordinal) => ProjectLayer.Module,
        _ when project.StartsWith("src/Themes/", StringComparison.Ordinal) => ProjectLayer.Theme,
        _ => ProjectLayer.Other,
    };

    private static bool Allowed(ProjectLayer from, string reference, string project) => (from, Layer(reference)) switch
    {
        (ProjectLayer.Framework, _) => false,
        (ProjectLayer.Abstractions or ProjectLayer.Module or ProjectLayer.Theme, ProjectLayer.Framework or ProjectLayer.Abstractions) => true,
        (ProjectLayer.Host, not ProjectLayer.Other) => true,
        _ => false,
    } && reference != project;

    /// <summary>The project's references, as paths from the repository root.</summary>
    private static IEnumerable<string> References(string project)
    {
        var folder = Path.GetDirectoryName(Path.Combine(RepositoryFiles.Root, project))!;
        return XDocument.Parse(RepositoryFiles.Read(project)).Descendants("ProjectReference")
            .Select(r => Path.GetRelativePath(RepositoryFiles.Root, Path.GetFullPath(Path.Combine(folder, (string)r.Attribute("Include")!))).Replace('\\', '/'))
            .ToList();
    }
}
