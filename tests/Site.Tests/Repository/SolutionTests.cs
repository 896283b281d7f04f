using Site.Tests.Infrastructure;

namespace Site.Tests.Repository;

/// <summary>One solution file, Site.sln as the design names it, holding every project of the repository.</summary>
public sealed class SolutionTests
{
    private static string Root => SiteCommand.RepositoryRoot;

    [Fact]
    public void SiteSln_IsTheOnlySolutionFile()
    {
        var solutions = Directory.EnumerateFiles(Root, "*.sln*", SearchOption.TopDirectoryOnly).Select(Path.GetFileName);

        Assert.Equal(["Site.sln"], solutions);
        Assert.StartsWith("Microsoft Visual Studio Solution File", File.ReadAllText(Path.Combine(Root, "Site.sln")).TrimStart('\uFEFF', '\r', '\n'), StringComparison.Ordinal);
    }

    [Fact]
    public void SiteSln_HoldsEveryProject()
    {
        var solution = File.ReadAllText(Path.Combine(Root, "Site.sln")).Replace('\\', '/');
        var projects = Directory.EnumerateFiles(Root, "*.csproj", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(Root, p).Replace('\\', '/'))
            .Where(p => !p.Split('/').Any(part => part is "bin" or "obj" or ".git" or "node_modules"))
            .ToList();

        Assert.Contains("src/Site/Site.csproj", projects);
        Assert.All(projects, p => Assert.Contains($"\"{p}\"", solution, StringComparison.Ordinal));
    }
}
