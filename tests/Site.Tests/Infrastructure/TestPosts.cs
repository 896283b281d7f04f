using Cms.Content;
using Modules.Contents.Models;
using Modules.NewsCommentary.Models;

namespace Site.Tests.Infrastructure;

/// <summary>Builds News Commentary items the way the editor would fill them in.</summary>
public static class TestPosts
{
    public static ContentItem New(IContentManager contentManager, string title, DateTime? publishedUtc = null)
    {
        var item = contentManager.New("NewsCommentary");
        item.PublishedUtc = publishedUtc;
        item.Owner = "test-owner";
        item.Author = "tester";
        item.Alter<TitlePart>(p => p.Title = title);
        item.Alter<AutoroutePart>(_ => { });
        item.Alter<QuotePart>(p =>
        {
            p.Headline = $"Headline for {title}";
            p.Attribution = "The Test Gazette";
            p.Text = $"The quoted passage of {title}.\n\nA second paragraph.";
        });
        item.Alter<AnalysisPart>(p => p.Markdown = $"Analysis of {title}.");
        item.Alter<SourceLinkPart>(p =>
        {
            p.Url = "https://news.example.org/" + Guid.NewGuid().ToString("N");
            p.Title = $"Headline for {title}";
            p.Publication = "The Test Gazette";
            p.PublishedUtc = publishedUtc?.Date;
        });
        return item;
    }
}
