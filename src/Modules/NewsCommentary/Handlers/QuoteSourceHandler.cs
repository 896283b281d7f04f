using Cms.Content;
using Modules.NewsCommentary.Models;

namespace Modules.NewsCommentary.Handlers;

/// <summary>
/// The quoted article's headline and publication are one fact each: asked once in the editor (under
/// Quote) and held by QuotePart. SourceLinkPart's Title and Publication are kept as their copy, written
/// here on every save, so the source link, feeds, search and exports in Orchard's shape read them as
/// before. An item in the older shape (a recipe, a site made before) that gives them only on the source
/// link has them moved to the quote.
/// </summary>
public sealed class QuoteSourceHandler : IContentHandler
{
    public Task SavingAsync(ContentItem item)
    {
        OneFactEach(item);
        return Task.CompletedTask;
    }

    /// <summary>Fills the quote's facts from the source link where the quote has none, then copies them back; true when anything changed.</summary>
    public static bool OneFactEach(ContentItem item)
    {
        if (item.As<QuotePart>() is not { } quote || item.As<SourceLinkPart>() is not { } source)
        {
            return false;
        }

        var headline = string.IsNullOrWhiteSpace(quote.Headline) ? source.Title?.Trim() ?? "" : quote.Headline;
        var publication = string.IsNullOrWhiteSpace(quote.Attribution) ? source.Publication?.Trim() ?? "" : quote.Attribution;
        if (headline == quote.Headline && publication == quote.Attribution && headline == source.Title && publication == source.Publication)
        {
            return false;
        }

        quote.Headline = headline;
        quote.Attribution = publication;
        source.Title = headline;
        source.Publication = publication;
        item.Apply(quote);
        item.Apply(source);
        return true;
    }
}
