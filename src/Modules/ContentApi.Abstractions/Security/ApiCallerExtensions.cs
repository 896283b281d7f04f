using System.Security.Claims;

namespace Modules.ContentApi.Security;

/// <summary>What an /api endpoint may ask of its caller beyond its permissions.</summary>
public static class ApiCallerExtensions
{
    /// <summary>True for a caller authenticated by a token (of either scope).</summary>
    public static bool HasApiToken(this ClaimsPrincipal user) => user.HasClaim(c => c.Type == ApiTokenAuthentication.ScopeClaim);

    /// <summary>True only for a write-scoped token: a read token carries its user's permissions for reading alone.</summary>
    public static bool MayWriteThroughApi(this ClaimsPrincipal user)
        => user.HasClaim(ApiTokenAuthentication.ScopeClaim, ApiTokenAuthentication.WriteScope);
}
