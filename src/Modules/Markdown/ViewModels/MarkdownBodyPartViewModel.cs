using Microsoft.AspNetCore.Html;

namespace Modules.Markdown.ViewModels;

/// <summary>The body as readers see it: Markdown rendered and sanitised.</summary>
public sealed record MarkdownBodyPartViewModel(IHtmlContent Html);
