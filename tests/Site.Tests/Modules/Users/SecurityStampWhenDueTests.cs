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

/// <summary>A site whose stamps are checked every <paramref name="interval"/>, with the validator counted.</summary>
public abstract class CountedStampSiteFactory(TimeSpan interval) : SiteFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = interval);
            services.AddScoped<ISecurityStampValidator, CountingStampValidator>();
        });
    }
}

public sealed class HourlyStampSiteFactory() : CountedStampSiteFactory(TimeSpan.FromHours(1));

public sealed class EveryRequestCountedStampSiteFactory() : CountedStampSiteFactory(TimeSpan.Zero);

/// <summary>A member's pages do not build the stamp validator (and the user manager behind it) until a check is due.</summary>
[Collection(CountedStampCollection.Name)]
public sealed class SecurityStampWhenDueTests(HourlyStampSiteFactory hourly, EveryRequestCountedStampSiteFactory everyRequest)
    : IClassFixture<HourlyStampSiteFactory>, IClassFixture<EveryRequestCountedStampSiteFactory>
{
    [Fact]
    public async Task WithinTheInterval_TheValidatorIsNotRun()
    {
        var session = await MemberAsync(hourly);
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
        var session = await MemberAsync(everyRequest);
        var before = CountingStampValidator.Runs;

        await Task.Delay(5); // the cookie's issue time must be in the past: the check is due once time has passed
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/account/password")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/account/password")).StatusCode);

        Assert.True(CountingStampValidator.Runs - before >= 2, $"the validator ran {CountingStampValidator.Runs - before} times for two requests");
    }

    private static async Task<HttpClient> MemberAsync(SiteFactory site)
    {
        var name = Browser.NewName("stamp");
        await Browser.CreateUserAsync(site, name, "a stamp check pass phrase");
        return await Browser.SignedInAsync(site, name, "a stamp check pass phrase");
    }
}

/// <summary>The two tests share the static count, so they run one after the other.</summary>
[CollectionDefinition(Name)]
public sealed class CountedStampCollection
{
    public const string Name = "Counted security stamp validator";
}
