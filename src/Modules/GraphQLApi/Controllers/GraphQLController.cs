using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Modules.GraphQLApi.Services;

namespace Modules.GraphQLApi.Controllers;

/// <summary>
/// <c>/api/graphql</c>: read-only (the schema has no mutations), anonymous for published content; drafts for
/// users who may preview them. Without antiforgery tokens, and safe without them: nothing here writes, a POST
/// must be application/json (a foreign page cannot send that with the reader's cookies without a CORS
/// preflight, which this site never grants), and form posts are refused. Never cached.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class GraphQLController(GraphQLRequestReader reader, ContentGraphQL graphQL, IOptions<GraphQLApiOptions> options) : Controller
{
    public const string Path = "/api/graphql";

    [HttpGet(Path)]
    [HttpPost(Path)]
    public async Task<IActionResult> Query()
    {
        Response.Headers.CacheControl = "no-store";
        var (request, status, error) = await reader.ReadAsync(Request, options.Value.MaxRequestBytes);
        if (request is null)
        {
            return Answer(status, graphQL.Error(error!));
        }

        var (resultStatus, json) = await graphQL.ExecuteAsync(request, HttpContext);
        return Answer(resultStatus, json);

    }

    private static ContentResult Answer(int status, string json) => new()
    {
        StatusCode = status,
        Content = json,
        ContentType = "application/json; charset=utf-8",
    };
}
