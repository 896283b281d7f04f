using Cms.Recipes.Import;

namespace Modules.BlogImport.ViewModels;

/// <summary>The blog import form (which service, the file, dry run) and, after a post, its report.</summary>
public sealed class BlogImportViewModel
{
    public string Source { get; set; } = "blogger";

    public bool DryRun { get; set; }

    /// <summary>The services this site imports from: name and what file it takes.</summary>
    public IReadOnlyList<(string Name, string Description)> Sources { get; set; } = [];

    /// <summary>Why the form could not be read (no file chosen); the import did not run.</summary>
    public string? Error { get; set; }

    public ImportResult? Result { get; set; }
}
