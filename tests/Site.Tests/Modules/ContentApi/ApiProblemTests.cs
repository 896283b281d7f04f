using System.Net;
using System.Text;
using Site.Tests.Infrastructure;

namespace Site.Tests.Modules.ContentApi;

/// <summary>Issue 15: what no endpoint under /api answers itself (a wrong method, no such path) is a problem body, not the theme's HTML page.</summary>
public sealed class ApiProblemTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Theory]
    [InlineData("DELETE", "/api/content", HttpStatusCode.MethodNotAllowed, "DELETE is not allowed on /api/content; it answers")]
    [InlineData("PATCH", "/api/content/" + ApiClients.SeedId, HttpStatusCode.MethodNotAllowed, "PATCH is not allowed on /api/content/")]
    [InlineData("GET", "/api/no-such-thing", HttpStatusCode.NotFound, "There is nothing at /api/no-such-thing.")]
    [InlineData("PUT", "/api/graphql", HttpStatusCode.MethodNotAllowed, "PUT is not allowed on /api/graphql")]
    public async Task AnUnansweredStatus_UnderApi_IsAProblemBody(string method, string url, HttpStatusCode status, string detail)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method is "PATCH" or "PUT")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        var response = await site.CreateReader().SendAsync(request);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await ApiClients.ReadAsync(response);
        Assert.Equal((int)status, (int)problem["status"]!);
        Assert.StartsWith(detail, (string)problem["detail"]!, StringComparison.Ordinal);
        Assert.DoesNotContain("<html", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task TheSameStatus_OutsideApi_IsStillTheThemesPage()
    {
        var (response, page) = await Html.GetAsync(site.CreateReader(), "/no-such-page-" + Guid.NewGuid().ToString("N"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.NotNull(page.Body);
    }
}
