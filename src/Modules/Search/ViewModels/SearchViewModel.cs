using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Modules.Search.ViewModels;

/// <summary>The search page: the query as typed, and a page of results when there was something to search for.</summary>
public sealed class SearchViewModel
{
    /// <summary>The query shown back in the form (cleaned and cut to length); empty before a search.</summary>
    [BindNever]
    public string Query { get; init; } = "";

    /// <summary>True when the query had words to search for; false shows the form alone.</summary>
    [BindNever]
    public bool Searched { get; init; }

    [BindNever]
    public IReadOnlyList<SearchResultViewModel> Results { get; init; } = [];

    /// <summary>The matches the pages show: all of them, or the newest ranked ones when <see cref="MoreThanRanked"/>.</summary>
    [BindNever]
    public int Total { get; init; }

    /// <summary>True when more posts match than a search ranks; the summary says so and the pages show the newest.</summary>
    [BindNever]
    public bool MoreThanRanked { get; init; }

    [BindNever]
    public int Page { get; init; } = 1;

    [BindNever]
    public int PageSize { get; init; } = 10;

    public bool HasNext => Page * PageSize < Total;

    /// <summary>The address of another page of the same search, with the query encoded.</summary>
    public string PageUrl(int page)
        => $"/search?q={Uri.EscapeDataString(Query)}" + (page > 1 ? $"&page={page.ToString(CultureInfo.InvariantCulture)}" : "");
}

/// <summary>One result: title and excerpt are HTML with matches in &lt;mark&gt; (built from encoded text only).</summary>
public sealed record SearchResultViewModel(IHtmlContent Title, string Url, DateTime PublishedLocal, IHtmlContent Excerpt)
{
    private static readonly CultureInfo s_english = CultureInfo.GetCultureInfo("en-US");

    public string DateIso => PublishedLocal.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public string DateText => PublishedLocal.ToString("MMMM d, yyyy", s_english);
}
