using System.Net;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Site.Tests.Infrastructure;

namespace Site.Tests.Modules.Users;

/// <summary>Counts the security stamp validator's runs, in place of Identity's (which would check nothing within the interval anyway).</summary>
public sealed class CountingStampValidator : ISecurityStampValidator
{
    private static int s_runs;

    public static int Runs => Volatile.Read(ref s_runs);

    public Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        Interlocked.Increment(ref s_runs);
        return Task.CompletedTask;
    }
}

/// <summary>A site whose stamps are checked once an hour, with the validator counted.</summary>
public sealed class HourlyStampSiteFactory : SiteFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromHours(1));
            services.AddScoped<ISecurityStampValidator, CountingStampValidator>();
        });
    }
}

/// <summary>The same, checked on every request.</summary>
public sealed class EveryRequestCountedStampSiteFactory : SiteFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.Zero);
            services.AddScoped<ISecurityStampValidator, CountingStampValidator>();
        });
    }
}

/// <summary>A member's pages do not build the stamp validator (and the user manager behind it) until a check is due.</summary>
[Collection(CountedStampCollection.Name)]
public sealed class SecurityStampWhenDueTests(HourlyStampSiteFactory hourly, EveryRequestCountedStampSiteFactory everyRequest)
    : IClassFixture<HourlyStampSiteFactory>, IClassFixture<EveryRequestCountedStampSiteFactory>
{
    [Fact]
    public async Task WithinTheInterval_TheValidatorIsNotRun()
    {
        var name = Browser.NewName("stampdue");
        await Browser.CreateUserAsync(hourly, name, "a stamp due pass phrase");
        var session = await Browser.SignedInAsync(hourly, name, "a stamp due pass phrase");
        var before = CountingStampValidator.Runs;

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/account/password")).StatusCode);
        }

        Assert.Equal(before, CountingStampValidator.Runs);
    }

    [Fact]
    public async Task WhenACheckIsDue_TheValidatorRuns()
    {
        var name = Browser.NewName("stampevery");
        await Browser.CreateUserAsync(everyRequest, name, "a stamp every pass phrase");
        var session = await Browser.SignedInAsync(everyRequest, name, "a stamp every pass phrase");
        var before = CountingStampValidator.Runs;

        await Task.Delay(5); // the cookie's issue time must be in the past: the check is due once time has passed
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/account/password")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/account/password")).StatusCode);

        Assert.True(CountingStampValidator.Runs - before >= 2, $"the validator ran {CountingStampValidator.Runs - before} times for two requests");
    }
}

/// <summary>The two tests share the static count, so they run one after the other.</summary>
[CollectionDefinition(Name)]
public sealed class CountedStampCollection
{
    public const string Name = "Counted security stamp validator";
}
