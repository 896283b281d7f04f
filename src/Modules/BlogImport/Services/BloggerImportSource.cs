using Cms.Recipes.Import;

namespace Modules.BlogImport.Services;

/// <summary><c>import blogger FILE</c>: Blogger's Atom backup or Takeout feed.atom, read by <see cref="BloggerReader"/>.</summary>
public sealed class BloggerImportSource(ImportRecipeBuilder builder) : IImportSource
{
    public string Name => "blogger";

    public string Description => "a Blogger export: the Atom backup (blog-MM-DD-YYYY.xml) or Takeout's feed.atom";

    public Task<ImportConversion> ConvertAsync(Stream file, CancellationToken cancellationToken = default)
    {
        var (document, error) = SafeXml.Load(file);
        if (document is null)
        {
            return Task.FromResult(ImportConversion.Refused(new ImportNote("", error!)));
        }

        var (blog, notBlogger) = BloggerReader.Read(document);
        return Task.FromResult(blog is null ? ImportConversion.Refused(new ImportNote("", notBlogger!)) : builder.Build(blog));
    }
}
