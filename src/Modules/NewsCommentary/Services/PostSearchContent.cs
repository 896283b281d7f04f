using Cms.Content;
using Cms.Display;
using Modules.Contents.Models;
using Modules.Markdown.Services;
using Modules.NewsCommentary.Models;
using Modules.Search.Models;
using Modules.Search.Services;

namespace Modules.NewsCommentary.Services;

/// <summary>
/// What readers search in a post: its title, the quoted headline (weighted above the body), the quoted
/// passage and the analysis, both as plain text so Markdown's markup is never matched or shown.
/// </summary>
public sealed class PostSearchContent(IMarkdownRenderer markdown) : ISearchContentProvider
{
    public void Contribute(ContentItem item, SearchDocument document)
    {
        if (item.ContentType != Migrations.ContentType)
        {
            return;
        }

        var quote = item.As<QuotePart>();
        document.Title = item.As<TitlePart>()?.Title ?? item.DisplayText ?? "";
        document.Add("Headline", quote?.Headline, SearchWeight.High)
            .Add("Quote", markdown.ToPlainText(quote?.Text))
            .Add("Analysis", markdown.ToPlainText(item.As<AnalysisPart>()?.Markdown));
    }
}
