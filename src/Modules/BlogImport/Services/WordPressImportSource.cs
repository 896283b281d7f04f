using Cms.Recipes.Import;

namespace Modules.BlogImport.Services;

/// <summary><c>import wordpress FILE</c>: a WXR file from WordPress's Tools › Export, read by <see cref="WordPressReader"/>.</summary>
public sealed class WordPressImportSource(ImportRecipeBuilder builder) : IImportSource
{
    public string Name => "wordpress";

    public string Description => "a WordPress export (WXR, from Tools › Export)";

    public Task<ImportConversion> ConvertAsync(Stream file, CancellationToken cancellationToken = default)
    {
        var (document, error) = SafeXml.Load(file);
        if (document is null)
        {
            return Task.FromResult(ImportConversion.Refused(new ImportNote("", error!)));
        }

        var (blog, notWordPress) = WordPressReader.Read(document);
        return Task.FromResult(blog is null ? ImportConversion.Refused(new ImportNote("", notWordPress!)) : builder.Build(blog));
    }
}
