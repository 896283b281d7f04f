using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Cms.Content;
using Microsoft.Extensions.DependencyInjection;
using Modules.ContentApi.Services;
using Site.Tests.Infrastructure;

namespace Site.Tests.Modules.ContentApi;

/// <summary>Helpers of the Content API tests: tokens made through the token service, clients that send them, JSON in and out.</summary>
public static class ApiClients
{
    public const string SeedId = "4sochimeeting2020091100001";

    /// <summary>A user with the roles, and a token of theirs with the scope; returns the user's id and the token.</summary>
    public static async Task<(string UserId, string Token)> TokenAsync(SiteFactory site, string userName, string scope, params string[] roles)
    {
        var userId = await Accounts.EnsureUserAsync(site, userName, roles);
        var made = await site.InScopeAsync(sp => sp.GetRequiredService<ApiTokens>().CreateAsync(userId, "test " + scope, scope, DateTime.UtcNow.AddDays(30)));
        return (userId, made.Secret);
    }

    public static HttpClient WithToken(SiteFactory site, string token)
    {
        var client = site.CreateReader();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static StringContent Json(JsonObject body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    public static async Task<JsonObject> ReadAsync(HttpResponseMessage response)
        => JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    /// <summary>A new post's body as a client would send it: its type and parts, nothing the site sets.</summary>
    public static JsonObject NewPost(string title) => new()
    {
        ["ContentType"] = "NewsCommentary",
        ["TitlePart"] = new JsonObject { ["Title"] = title },
        ["AutoroutePart"] = new JsonObject(),
        ["QuotePart"] = new JsonObject { ["Headline"] = "A headline of " + title, ["Text"] = "The quoted words of " + title + ".", ["Attribution"] = "The Api Gazette" },
        ["AnalysisPart"] = new JsonObject { ["Markdown"] = "What " + title + " means." },
        ["SourceLinkPart"] = new JsonObject { ["Url"] = "https://news.example.org/" + Guid.NewGuid().ToString("N"), ["Title"] = "A headline of " + title, ["Publication"] = "The Api Gazette" },
        ["TagsPart"] = new JsonObject { ["Tags"] = new JsonArray("Api") },
    };

    public static Task<ContentItem?> LatestAsync(SiteFactory site, string id)
        => site.InScopeAsync(sp => sp.GetRequiredService<IContentManager>().GetAsync(id, VersionOptions.Latest));
}
