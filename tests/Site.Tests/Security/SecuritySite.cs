using System.Net;
using Cms.Settings;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Modules.Comments.Settings;
using Site.Tests.Modules.Comments;
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

    /// <summary>The member-only recipe's comment and registration settings, changed by <paramref name="comments"/> and <paramref name="registration"/>.</summary>
    public Task SettingsAsync(Action<CommentSettings>? comments = null, Action<RegistrationSettings>? registration = null) => InScopeAsync(async sp =>
    {
        var settings = new CommentSettings { PolicyNote = "Only a member of this blog may post a comment." };
        comments?.Invoke(settings);
        var members = new RegistrationSettings();
        registration?.Invoke(members);
        await sp.GetRequiredService<ISiteService>().UpdateAsync(s =>
        {
            s.SetSection(CommentSettings.SectionName, settings);
            s.SetSection(RegistrationSettings.SectionName, members);
        });
    });

    /// <summary>A client signed in through the sign-in form, from the given peer address.</summary>
    public async Task<HttpClient> SignedInAsync(string userName, string password, string? peer = null)
    {
        var client = ClientFor(Origin, peer);
        var response = await Site.Tests.Modules.Users.Browser.SignInAsync(client, userName, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

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
