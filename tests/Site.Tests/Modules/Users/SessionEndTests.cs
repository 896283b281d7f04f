using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Site.Tests.Infrastructure;

namespace Site.Tests.Modules.Users;

/// <summary>The site with cookies re-validated on every request instead of every minute, to see sessions end.</summary>
public sealed class EveryRequestStampSiteFactory : SiteFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
            services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.Zero));
    }
}

/// <summary>Disabling a user ends the sessions they already have.</summary>
public sealed class SessionEndTests(EveryRequestStampSiteFactory site) : IClassFixture<EveryRequestStampSiteFactory>
{
    [Fact]
    public async Task DisablingAUser_EndsTheirOpenSessions()
    {
        var name = Browser.NewName("session");
        var user = await Browser.CreateUserAsync(site, name, "a session pass phrase");
        var session = await Browser.SignedInAsync(site, name, "a session pass phrase");
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/account/password")).StatusCode);
        var admin = await Browser.AdminAsync(site);

        await Browser.SubmitAsync(admin, $"/admin/users/{user.Id}/edit", $"/admin/users/{user.Id}/disable");

        var after = await session.GetAsync("/account/password");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/login", after.Headers.Location!.PathAndQuery);
    }
}
