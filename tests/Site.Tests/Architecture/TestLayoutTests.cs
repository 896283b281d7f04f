using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Site.Tests.Architecture;

/// <summary>
/// The tests mirror src/ (tests/README.md): tests/Cms.Tests holds the framework's unit tests and knows no
/// module; tests/Site.Tests/Modules/{Name} is named after the module it tests; every namespace is its folder.
/// </summary>
public sealed partial class TestLayoutTests
{
    [Fact]
    public void EveryTestFile_IsInTheNamespaceOfItsFolder()
    {
        var files = RepositoryFiles.Under("tests", "*.cs");
        var wrong = files
            .Select(f => (File: f, Declared: DeclaredNamespace(RepositoryFiles.Read(f)), Expected: ExpectedNamespace(f)))
            .Where(f => f.Declared is not null && f.Declared != f.Expected)
            .Select(f => $"{f.File} is in namespace {f.Declared}: its folder says {f.Expected}")
            .ToList();

        Assert.Contains("tests/Cms.Tests/Recipes/RecipeReaderTests.cs", files);
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public void FrameworkTests_ReferenceOnlyTheFramework()
    {
        const string Project = "tests/Cms.Tests/Cms.Tests.csproj";
        var references = XDocument.Parse(RepositoryFiles.Read(Project)).Descendants("ProjectReference")
            .Select(r => Path.GetRelativePath(RepositoryFiles.Root, Path.GetFullPath(Path.Combine(RepositoryFiles.Root, "tests/Cms.Tests", (string)r.Attribute("Include")!))).Replace('\\', '/'))
            .ToList();

        // Not a module, not a module's abstractions, not the host: a framework test that needs a module belongs in Site.Tests.
        Assert.Equal(["src/Cms/Cms.csproj"], references);
    }

    [Fact]
    public void EveryModuleTestFolder_IsNamedAfterAModule()
    {
        var modules = Directory.EnumerateDirectories(Path.Combine(RepositoryFiles.Root, "src/Modules")).Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal);
        var folders = Directory.EnumerateDirectories(Path.Combine(RepositoryFiles.Root, "tests/Site.Tests/Modules")).Select(Path.GetFileName).ToList();

        Assert.NotEmpty(folders);
        Assert.All(folders, f => Assert.True(modules.Contains(f), $"tests/Site.Tests/Modules/{f} names no module in src/Modules"));
    }

    /// <summary>tests/{Project}/{A}/{B}/X.cs is in namespace {Project}.{A}.{B}: each test project's root namespace is its name.</summary>
    private static string ExpectedNamespace(string file)
        => string.Join('.', file.Split('/')[1..^1]);

    private static string? DeclaredNamespace(string source)
        => NamespaceLine().Match(source) is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex(@"^namespace\s+([\w.]+)\s*[;{]", RegexOptions.Multiline)]
    private static partial Regex NamespaceLine();
}
