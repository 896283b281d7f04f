using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Site.Tests.CommentsTests;
using Site.Tests.Infrastructure;

namespace Site.Tests.Security;

/// <summary>
/// A News Commentary site with comments (the member-only recipe applied), whose public address is
/// https://news.example; it also answers the internal name alias.example (Cms:AllowedHosts). The test
/// server has no TCP peer, so a request names the peer's address in <see cref="PeerHeader"/>, as a
/// connection would give it (198.51.100.7 when it does not).
/// </summary>
public class SecuritySite : SiteFactory, IAsyncLifetime
{
    public const string Origin = "https://news.example";
    public const string Alias = "https://alias.example";
    public const string PeerHeader = "X-Test-Peer";

    public SecuritySite()
    {
        BaseUrl = Origin;
        Settings["Cms:AllowedHosts"] = "alias.example";
    }

    public virtual async Task InitializeAsync()
    {
        var result = await CommentsSite.ApplyRecipeAsync(this, "MemberOnlyComments");
        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    /// <summary>A client whose requests go to <paramref name="origin"/> (Host and scheme), not following redirects.</summary>
    public HttpClient ClientFor(string origin = Origin, string? peer = null)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(origin), AllowAutoRedirect = false });
        if (peer is not null)
        {
            client.DefaultRequestHeaders.Add(PeerHeader, peer);
        }

        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, PeerAddress>());
    }

    /// <summary>Plays the TCP connection: the peer address a real server would see.</summary>
    private sealed class PeerAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                var named = context.Request.Headers[PeerHeader].ToString();
                context.Connection.RemoteIpAddress = IPAddress.TryParse(named, out var address) ? address : IPAddress.Parse("198.51.100.7");
                return following(context);
            });
            next(app);
        };
    }
}
