using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Cms.Security;

/// <summary>
/// Hands a signed-in reader the request token already made for the same antiforgery cookie and the same claims, instead
/// of decrypting the cookie and encrypting a new token on every page: 13-15 % of a member's post page (issue 12 point 1).
/// <para>
/// Safe because a request token is not single-use: it is valid for as long as its cookie token and its user are, and
/// the framework itself accepts any token it made for them. The key is the whole cookie (a secret of that browser) and
/// every claim of every authenticated identity (the token embeds a hash of them, or the name), so a token is only ever
/// handed to the browser and the user it was made for. Only a cookie the framework read as valid (it made no new
/// one) is remembered; tokens are kept five minutes, so a Data Protection key revoked is honoured within that time.
/// Anonymous readers, and any request without the cookie, go to the framework as before.
/// </para>
/// </summary>
public sealed class ReusingAntiforgery(IAntiforgery inner, IOptions<AntiforgeryOptions> options, TimeProvider clock) : IAntiforgery
{
    /// <summary>The (cookie, user) pairs remembered at most: each a few KB (the key holds the cookie and every claim).</summary>
    public const int Capacity = 2048;
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly AntiforgeryOptions _options = options.Value;
    private readonly ExpiringMap<string> _tokens = new(Capacity, Lifetime, clock);

    public AntiforgeryTokenSet GetAndStoreTokens(HttpContext httpContext)
    {
        // A page asks once per form (a member's post has one for each comment's reply): the first answer stands.
        if (httpContext.Features.Get<ReusedTokenFeature>() is { } reused)
        {
            DoNotCache(httpContext.Response);
            return reused.Tokens;
        }

        var key = KeyFor(httpContext);
        if (key is not null && _tokens.TryGet(key, out var requestToken))
        {
            var tokens = new AntiforgeryTokenSet(requestToken, null, _options.FormFieldName, _options.HeaderName);
            httpContext.Features.Set(new ReusedTokenFeature(tokens));
            DoNotCache(httpContext.Response);
            return tokens;
        }

        // The framework keeps its own answer for the rest of the request too (and stores a new cookie only once).
        var made = inner.GetAndStoreTokens(httpContext);
        httpContext.Features.Set(new ReusedTokenFeature(made));
        // A null cookie token means the request's cookie was read and found valid: no new one was made.
        if (key is not null && made.CookieToken is null && made.RequestToken is not null)
        {
            _tokens.Set(key, made.RequestToken);
        }

        return made;
    }

    public AntiforgeryTokenSet GetTokens(HttpContext httpContext) => inner.GetTokens(httpContext);

    public Task<bool> IsRequestValidAsync(HttpContext httpContext) => inner.IsRequestValidAsync(httpContext);

    public Task ValidateRequestAsync(HttpContext httpContext) => inner.ValidateRequestAsync(httpContext);

    public void SetCookieTokenAndHeader(HttpContext httpContext) => inner.SetCookieTokenAndHeader(httpContext);

    /// <summary>The cookie and every claim, each piece length-prefixed so no value can pass for another's boundary.</summary>
    private string? KeyFor(HttpContext httpContext)
    {
        if (httpContext.User.Identity is not { IsAuthenticated: true }
            || _options.Cookie.Name is not { } cookieName
            || httpContext.Request.Cookies[cookieName] is not { Length: > 0 } cookie)
        {
            return null;
        }

        var key = new StringBuilder(cookie.Length + 512);
        Piece(key, cookie);
        foreach (var identity in httpContext.User.Identities)
        {
            Piece(key, identity.IsAuthenticated ? identity.AuthenticationType : null);
            foreach (var claim in identity.Claims)
            {
                Piece(key, claim.Type);
                Piece(key, claim.Value);
                Piece(key, claim.Issuer);
            }
        }

        return key.ToString();
    }

    private static void Piece(StringBuilder key, string? value) => key.Append(value?.Length ?? -1).Append(':').Append(value);

    /// <summary>What the framework sets on every response that carries a token: never stored by a cache.</summary>
    private static void DoNotCache(HttpResponse response)
    {
        var headers = response.Headers;
        if (response.HasStarted || (headers.CacheControl == NoCacheNoStore && headers.Pragma == NoCache))
        {
            return;
        }

        if (!(CacheControlHeaderValue.TryParse(headers.CacheControl.ToString(), out var cacheControl) && cacheControl.NoCache && cacheControl.NoStore))
        {
            headers.CacheControl = NoCacheNoStore;
        }

        if (!string.Equals(headers.Pragma.ToString(), NoCache, StringComparison.OrdinalIgnoreCase))
        {
            headers.Pragma = NoCache;
        }
    }

    private const string NoCacheNoStore = "no-cache, no-store";
    private const string NoCache = "no-cache";

    private sealed record ReusedTokenFeature(AntiforgeryTokenSet Tokens);
}
