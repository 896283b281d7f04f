using Microsoft.AspNetCore.Http;

namespace Modules.ContentApi.Services;

/// <summary>The list's query parameters, read and checked: each bad one is named in the refusal.</summary>
public sealed record ContentListRequest(string Type, int Page, int PageSize, string? Q, IReadOnlyDictionary<string, string> Filters)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
    public const int MaxPage = 10_000;

    /// <summary>The request, or the parameter that is wrong and why.</summary>
    public static (ContentListRequest? Request, string Parameter, string Problem) Read(IQueryCollection query, IEnumerable<IContentListFilter> filters)
    {
        var type = query["type"].ToString().Trim();
        if (type.Length == 0)
        {
            return (null, "type", "Name the content type to list, e.g. type=NewsCommentary.");
        }

        if (!TryNumber(query, "page", 1, 1, MaxPage, out var page))
        {
            return (null, "page", $"page must be a whole number from 1 to {MaxPage}; it is '{query["page"]}'.");
        }

        if (!TryNumber(query, "pageSize", DefaultPageSize, 1, MaxPageSize, out var pageSize))
        {
            return (null, "pageSize", $"pageSize must be a whole number from 1 to {MaxPageSize}; it is '{query["pageSize"]}'.");
        }

        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var filter in filters)
        {
            var value = query[filter.Parameter].ToString().Trim();
            if (value.Length == 0)
            {
                continue;
            }

            if (filter.Problem(value) is { } problem)
            {
                return (null, filter.Parameter, problem);
            }

            found[filter.Parameter] = value;
        }

        var q = query["q"].ToString().Trim();
        return (new ContentListRequest(type, page, pageSize, q.Length > 0 ? q : null, found), "", "");
    }

    /// <summary>The same list's address on another page, with its parameters in a fixed order.</summary>
    public string PageUrl(int page)
    {
        var parts = new List<string> { "type=" + Uri.EscapeDataString(Type) };
        parts.AddRange(Filters.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => f.Key + "=" + Uri.EscapeDataString(f.Value)));
        if (Q is not null)
        {
            parts.Add("q=" + Uri.EscapeDataString(Q));
        }

        if (PageSize != DefaultPageSize)
        {
            parts.Add("pageSize=" + PageSize);
        }

        parts.Add("page=" + page);
        return "/api/content?" + string.Join('&', parts);
    }

    private static bool TryNumber(IQueryCollection query, string name, int fallback, int min, int max, out int value)
    {
        var text = query[name].ToString();
        value = fallback;
        return text.Length == 0 || int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out value) && value >= min && value <= max;
    }
}
