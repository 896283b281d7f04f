namespace Site.Tests.Modules.BlogImport;

/// <summary>The export files written for these tests (Fixtures/import; see its README): paths and text.</summary>
public static class ImportFixtures
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", "import", name);

    public static string Text(string name) => File.ReadAllText(Path(name));

    public const string Classic = "blogger-classic.xml";
    public const string Takeout = "blogger-takeout.atom";
    public const string WordPress = "wordpress-wxr.xml";
}
