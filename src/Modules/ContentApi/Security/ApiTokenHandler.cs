using System.Security.Claims;
using System.Text.Encodings.Web;
using Cms.Hosting;
using Cms.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Modules.ContentApi.Services;

namespace Modules.ContentApi.Security;

/// <summary>
/// Authenticates <c>Authorization: Bearer ncpat_…</c> on /api: the token's user, with the claims a sign-in
/// would give them (so their roles, and nothing more), plus the token's scope. As a request handler it runs
/// in the authentication middleware for every request, and answers 401 itself when a token is presented
/// that is unknown, revoked or expired, or whose user is disabled: such a request never runs anonymously.
/// </summary>
public sealed class ApiTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder), IAuthenticationRequestHandler
{
    public static bool IsApiPath(HttpContext context) => ApiPaths.Contains(context.Request.Path);

    public async Task<bool> HandleRequestAsync()
    {
        if (!IsApiPath(Context) || string.IsNullOrEmpty(Request.Headers.Authorization))
        {
            return false;
        }

        var result = await AuthenticateAsync();
        if (result.Failure is null)
        {
            return false;
        }

        Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
        await ApiProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized, "Unauthorized", result.Failure.Message);
        return true;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }

        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.Fail("The Authorization header must be \"Bearer\" and a personal access token (made on your account page, /account/tokens).");
        }

        var (token, problem) = await Context.RequestServices.GetRequiredService<ApiTokens>().FindAsync(header["Bearer ".Length..].Trim());
        if (token is null)
        {
            return AuthenticateResult.Fail(problem);
        }

        var users = Context.RequestServices.GetRequiredService<UserManager<CmsUser>>();
        if (await users.FindByIdAsync(token.UserId) is not { IsEnabled: true } user)
        {
            return AuthenticateResult.Fail($"The user of the personal access token \"{token.Name}\" is disabled.");
        }

        var principal = await Context.RequestServices.GetRequiredService<IUserClaimsPrincipalFactory<CmsUser>>().CreateAsync(user);
        var source = principal.Identities.First();
        var identity = new ClaimsIdentity(source.Claims, Scheme.Name, source.NameClaimType, source.RoleClaimType);
        identity.AddClaim(new Claim(ApiTokenAuthentication.ScopeClaim, token.Scope));
        identity.AddClaim(new Claim(ApiTokenAuthentication.TokenIdClaim, token.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        await ApiProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized, "Unauthorized",
            "This needs a personal access token: send \"Authorization: Bearer …\" with a token made on your account page (/account/tokens).");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
        => ApiProblems.WriteAsync(Context, StatusCodes.Status403Forbidden, "Forbidden", "The token's user does not hold the permission this needs.");
}
