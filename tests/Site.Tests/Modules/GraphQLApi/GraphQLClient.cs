using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Site.Tests.Modules.GraphQLApi;

/// <summary>Asks /api/graphql as a client would: POST application/json, or GET with ?query=.</summary>
public static class GraphQLClient
{
    public const string Path = "/api/graphql";

    public static async Task<(HttpStatusCode Status, JsonObject Body)> PostAsync(HttpClient client, string query, object? variables = null)
    {
        var response = await client.PostAsJsonAsync(Path, new { query, variables });
        return (response.StatusCode, await BodyAsync(response));
    }

    public static async Task<(HttpStatusCode Status, JsonObject Body)> GetAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync(Path + "?query=" + Uri.EscapeDataString(query));
        return (response.StatusCode, await BodyAsync(response));
    }

    /// <summary>The data of a query that must succeed (200, no errors).</summary>
    public static async Task<JsonObject> DataAsync(HttpClient client, string query, object? variables = null)
    {
        var (status, body) = await PostAsync(client, query, variables);
        Assert.True(status == HttpStatusCode.OK && body["errors"] is null, $"{status}: {body.ToJsonString()}");
        return body["data"]!.AsObject();
    }

    public static string FirstError(JsonObject body) => body["errors"]![0]!["message"]!.GetValue<string>();

    public static List<string> Titles(JsonNode? list) => list!.AsArray().Select(i => i!["displayText"]!.GetValue<string>()).ToList();

    private static async Task<JsonObject> BodyAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/json", $"{response.StatusCode} {response.Content.Headers.ContentType}: {text[..Math.Min(text.Length, 3000)]}");
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        return JsonNode.Parse(text)!.AsObject();
    }
}
