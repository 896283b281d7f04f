using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.DependencyInjection;

namespace Modules.Contents.Services;

/// <summary>
/// WordPress's plain addresses, "/?p=12" and "/?page_id=7", are the home page's path with a query, so the
/// catch-all item route never sees them: this answers them before the home page renders, 301 to where the
/// post lives now (an imported blog's redirect row "/?p=12"), or 404 as WordPress would for an id it does
/// not have. The home page is never rendered (nor cached) for such a query, so random ids cannot fill the cache.
/// </summary>
public sealed class QueryRedirectFilter : IAsyncResourceFilter
{
    /// <summary>The query keys WordPress addresses a post or page by; declared as cache keys, so each is looked up, never served the home page.</summary>
    public static readonly IReadOnlyList<string> Keys = ["p", "page_id"];

    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) || request.Path != "/" || Key(request) is not { } key)
        {
            await next();
            return;
        }

        var from = $"/?{key}={request.Query[key]}";
        var target = await context.HttpContext.RequestServices.GetRequiredService<Redirects>().FindAsync(from);
        context.Result = target is null ? new NotFoundResult() : new RedirectResult(target, permanent: true);
    }

    private static string? Key(HttpRequest request) => Keys.FirstOrDefault(k => request.Query.ContainsKey(k));
}
