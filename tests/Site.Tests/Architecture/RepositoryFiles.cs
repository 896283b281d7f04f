namespace Site.Tests.Architecture;

/// <summary>The repository's own files, found from the test's output folder (nothing outside the repository is read).</summary>
public static class RepositoryFiles
{
    private static readonly Lazy<string> s_root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Directory.Build.props")) && Directory.Exists(Path.Combine(dir.FullName, "src")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (with Directory.Build.props and src/) was not found above " + AppContext.BaseDirectory);
    });

    public static string Root => s_root.Value;

    /// <summary>Files under the folder, by pattern, without build output; paths relative to the root with '/'.</summary>
    public static IReadOnlyList<string> Under(string folder, string pattern)
        => Directory.EnumerateFiles(Path.Combine(Root, folder), pattern, SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/'))
            .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();

    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));
}
