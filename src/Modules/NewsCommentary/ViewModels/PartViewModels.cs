using Microsoft.AspNetCore.Html;

namespace Modules.NewsCommentary.ViewModels;

/// <summary>
/// The quote as readers see it: rendered passage, headline, who is quoted and the source to cite.
/// <see cref="DriftNoticedUtc"/>: the source no longer carries all of it (post page only), with its archived copy when there is one.
/// </summary>
public sealed record QuotePartViewModel(
    string Headline, string Attribution, IHtmlContent Html, string? CiteUrl, string? ContinueUrl, DateTime? DriftNoticedUtc = null, string? ArchiveUrl = null);

public sealed record AnalysisPartViewModel(IHtmlContent Html);

/// <summary>
/// The source as shown; <see cref="DeepLink"/> is the URL with a text fragment pointing at the quoted words.
/// <see cref="SourceGone"/>: the link checker found the source gone (post page only), so readers are offered the archived copy.
/// </summary>
public sealed record SourceLinkPartViewModel(
    string Url, string DeepLink, string Title, string Publication, DateTime? PublishedUtc, string? ArchiveUrl, bool SourceGone = false);
