using Microsoft.AspNetCore.Html;

namespace Modules.NewsCommentary.ViewModels;

/// <summary>
/// The quote as readers see it: rendered passage, headline, who is quoted and the source to cite.
/// <see cref="IsExcerpt"/>: a list shows the opening only. <see cref="SkipToAnalysis"/>: the post's quote is
/// long enough that a reader may want to jump past it to the analysis. <see cref="DriftNoticedUtc"/>: the source
/// no longer carries all of it (post page only), with its archived copy when there is one.
/// </summary>
public sealed record QuotePartViewModel(
    string Headline, string Attribution, IHtmlContent Html, string? CiteUrl, bool IsExcerpt = false, bool SkipToAnalysis = false,
    DateTime? DriftNoticedUtc = null, string? ArchiveUrl = null);

public sealed record AnalysisPartViewModel(IHtmlContent Html);

/// <summary>
/// The source as shown; <see cref="DeepLink"/> is the URL with a text fragment pointing at the quoted words.
/// <see cref="SourceGone"/>: the link checker found the source gone (post page only), so readers are offered the archived copy.
/// </summary>
public sealed record SourceLinkPartViewModel(
    string Url, string DeepLink, string Title, string Publication, DateTime? PublishedUtc, string? ArchiveUrl, bool SourceGone = false);
