using System.Net;
using Site.Tests.Infrastructure;

namespace Site.Tests.Modules.GraphQLApi;

/// <summary>Issue 15 point 7: depth and complexity limits, introspection, and clear errors for bad requests (never a stack trace).</summary>
public sealed class LimitsAndErrorsTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task AQueryNestedPastTheDepthLimit_IsRefused_NamingTheLimit()
    {
        var ofTypes = string.Concat(Enumerable.Repeat("ofType { ", 14)) + "name" + new string('}', 14);
        var (status, body) = await GraphQLClient.PostAsync(site.CreateReader(), $"{{ __schema {{ types {{ fields {{ type {{ {ofTypes} }} }} }} }} }}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("too nested", GraphQLClient.FirstError(body), StringComparison.Ordinal);
        Assert.Contains("15", GraphQLClient.FirstError(body), StringComparison.Ordinal);
        Assert.Null(body["data"]);
    }

    [Fact]
    public async Task AQueryPastTheComplexityLimit_IsRefused_NamingTheLimit_WhileOneFullPageIsServed()
    {
        const string page = "newsCommentary(first: 100) { displayText contentItemId quotePart { headline text attribution } analysisPart { markdown } sourceLinkPart { url } }";
        var aliases = string.Join(" ", Enumerable.Range(1, 6).Select(i => $"a{i}: {page}"));

        var (status, body) = await GraphQLClient.PostAsync(site.CreateReader(), $"{{ {aliases} }}");
        var (oneStatus, one) = await GraphQLClient.PostAsync(site.CreateReader(), $"{{ {page} }}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("too complex", GraphQLClient.FirstError(body), StringComparison.Ordinal);
        Assert.Contains("5000", GraphQLClient.FirstError(body), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, oneStatus);
        Assert.Null(one["errors"]);
    }

    [Fact]
    public async Task FirstOverTheCap_AndANegativeSkip_AreNamed()
    {
        var (status, body) = await GraphQLClient.PostAsync(site.CreateReader(), "{ newsCommentary(first: 101) { displayText } }");
        var (_, skip) = await GraphQLClient.PostAsync(site.CreateReader(), "{ newsCommentary(skip: -1) { displayText } }");

        Assert.Equal(HttpStatusCode.OK, status); // valid GraphQL; the field's error is in the body, as GraphQL reports resolver errors
        Assert.Equal("first is 101: give a number from 0 to 100 (the most items a page returns), and skip to page on.", GraphQLClient.FirstError(body));
        Assert.Equal("skip is -1: give 0 or more.", GraphQLClient.FirstError(skip));
    }

    [Fact]
    public async Task Introspection_ReturnsTheTypesMadeFromTheDefinitions()
    {
        var data = await GraphQLClient.DataAsync(site.CreateReader(), Introspection.Query);
        var types = data["__schema"]!["types"]!.AsArray().ToDictionary(t => t!["name"]!.GetValue<string>(), t => t!);

        foreach (var name in new[] { "NewsCommentary", "ContentItem", "TitlePart", "AutoroutePart", "QuotePart", "AnalysisPart", "SourceLinkPart", "TagsPart", "ForecastPart", "ContentItemWhereInput", "ContentStatus" })
        {
            Assert.True(types.ContainsKey(name), $"no type {name}");
        }

        var post = types["NewsCommentary"]!["fields"]!.AsArray().Select(f => f!["name"]!.GetValue<string>()).ToList();
        Assert.Contains("quotePart", post);
        Assert.Contains("forecastPart", post);
        var quote = types["QuotePart"]!["fields"]!.AsArray().Select(f => f!["name"]!.GetValue<string>()).ToList();
        Assert.Equal(["headline", "text", "attribution", "json"], quote);
        var query = types["Query"]!["fields"]!.AsArray().Select(f => f!["name"]!.GetValue<string>()).ToList();
        Assert.Contains("newsCommentary", query);
        Assert.Contains("contentItem", query);
        Assert.Null(data["__schema"]!["mutationType"]);
    }

    [Theory]
    [InlineData("{ newsCommentary { displayText }", "Error parsing query")]
    [InlineData("{ newsCommentary { noSuchField } }", "noSuchField")]
    [InlineData("mutation { publish }", "mutation")]
    public async Task AMalformedQuery_Gets400_WithAClearMessage_AndNoStackTrace(string query, string named)
    {
        foreach (var (status, body) in new[] { await GraphQLClient.PostAsync(site.CreateReader(), query), await GraphQLClient.GetAsync(site.CreateReader(), query) })
        {
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Contains(named, GraphQLClient.FirstError(body), StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(" at ", body.ToJsonString(), StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", body.ToJsonString(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("text/plain", "{ newsCommentary { displayText } }", HttpStatusCode.UnsupportedMediaType, "application/json")]
    [InlineData("application/json", "{\"query\": ", HttpStatusCode.BadRequest, "not a GraphQL request in JSON")]
    [InlineData("application/json", "[{\"query\": \"{ __typename }\"}]", HttpStatusCode.BadRequest, "one JSON object")]
    [InlineData("application/json", "{\"variables\": {}}", HttpStatusCode.BadRequest, "No query")]
    public async Task ABadRequestBody_IsRefusedWithItsReason(string contentType, string body, HttpStatusCode expected, string named)
    {
        var response = await site.CreateReader().PostAsync(GraphQLClient.Path, new StringContent(body, System.Text.Encoding.UTF8, contentType));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(named, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABadVariablesParameter_OnGet_IsNamed()
    {
        var response = await site.CreateReader().GetAsync(GraphQLClient.Path + "?query=" + Uri.EscapeDataString("{ __typename }") + "&variables=" + Uri.EscapeDataString("{not json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("variables is not a JSON object", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
