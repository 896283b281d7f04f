namespace Modules.ContentApi.Security;

/// <summary>
/// How every endpoint under <see cref="PathPrefix"/> knows its caller: a personal access token sent as
/// <c>Authorization: Bearer …</c>, never the sign-in cookie (so a browser cannot be made to write by
/// another site: no CSRF surface). The Content API module registers the scheme and makes it the one
/// that authenticates every /api request; an endpoint there (REST, GraphQL) reads <c>HttpContext.User</c>:
/// anonymous without a token, the token's user with exactly that user's roles with one. A token that is
/// unknown, revoked or expired is answered 401 before any endpoint runs.
/// </summary>
public static class ApiTokenAuthentication
{
    /// <summary>The authentication scheme's name.</summary>
    public const string Scheme = "ApiToken";

    /// <summary>The paths the scheme authenticates (and the cookie does not).</summary>
    public const string PathPrefix = Cms.Hosting.ApiPaths.Prefix;

    /// <summary>The claim holding the token's scope, <see cref="ReadScope"/> or <see cref="WriteScope"/>.</summary>
    public const string ScopeClaim = "api_scope";

    /// <summary>The claim holding the token's own id (not its secret), for logs and "last used".</summary>
    public const string TokenIdClaim = "api_token";

    public const string ReadScope = "read";
    public const string WriteScope = "write";
}
