using System.Security.Claims;
using System.Text.Encodings.Web;
using Cms.Recipes;
using Cms.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Site.Tests.Infrastructure;

namespace Site.Tests.DeployersTests;

/// <summary>
/// The site with a recipes folder of the tests' own, and requests signed in as the user named in
/// the X-Test-User header (the sign-in pages are another module's concern): anonymous requests
/// are challenged with 401 and refused ones get 403.
/// </summary>
public sealed class AdminSiteFactory : SiteFactory
{
    public AdminSiteFactory()
    {
        RecipesFolder = Path.Combine(AppData, "test-recipes");
        Directory.CreateDirectory(RecipesFolder);
        foreach (var (file, json) in TestRecipes.Files)
        {
            File.WriteAllText(Path.Combine(RecipesFolder, file), json);
        }
    }

    public string RecipesFolder { get; }

    /// <summary>A client whose requests are the user's (no header: anonymous).</summary>
    public HttpClient ClientAs(string? userName)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (userName is not null)
        {
            client.DefaultRequestHeaders.Add(TestAuthenticationHandler.Header, userName);
        }

        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.Configure<RecipeOptions>(o => o.Folders.Add(RecipesFolder));
            services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, TestAuthenticationHandler>(TestAuthenticationHandler.SchemeName, _ => { });
            services.PostConfigure<AuthenticationOptions>(o =>
            {
                o.DefaultAuthenticateScheme = TestAuthenticationHandler.SchemeName;
                o.DefaultChallengeScheme = TestAuthenticationHandler.SchemeName;
                o.DefaultForbidScheme = TestAuthenticationHandler.SchemeName;
            });
        });
    }
}

/// <summary>Signs the request in as the user the header names, with the user's real roles from Identity.</summary>
public sealed class TestAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Test";
    public const string Header = "X-Test-User";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var name))
        {
            return AuthenticateResult.NoResult();
        }

        var user = await Context.RequestServices.GetRequiredService<UserManager<CmsUser>>().FindByNameAsync(name.ToString());
        if (user is null)
        {
            return AuthenticateResult.Fail("No such user.");
        }

        ClaimsPrincipal principal = await Context.RequestServices.GetRequiredService<IUserClaimsPrincipalFactory<CmsUser>>().CreateAsync(user);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}
