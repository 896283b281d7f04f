using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Cms.Display;

/// <summary>
/// Answers a cached public page before routing, authentication and authorization, for a request that could only
/// ever be given that page: an anonymous GET or HEAD (no sign-in cookie, no Authorization header). A cache hit then
/// pays for none of them (issue 12 point 6: cached pages against nginx). It is a lookup only: ASP.NET Core's output
/// cache middleware with the public pages' own policy, so the key, the entry, Age, 304s and the hit count are the
/// ones the output cache after authorization gives; on a miss the request goes on as before, and that later output
/// cache renders, stores and counts the miss without looking the page up a second time. Everything before it (errors,
/// security headers, health, the host filter, static files, the setup gate) still runs for a hit.
/// </summary>
/// <remarks>
/// Only entries the public policy stored can match: their key is the method, scheme, host, path and the public query
/// keys, under which only a page an anonymous reader was given with 200 is ever stored; another policy's entries (the
/// API's) carry its vary values in the key and never match. A member (the cookie) or an API client (the header)
/// goes through authentication as before and is never given a cached page. Rate limits hold only POSTs.
/// </remarks>
public static class CachedPagesBeforeRouting
{
    private static readonly object s_missed = new();

    public static IApplicationBuilder UseCachedPublicPagesBeforeRouting(this IApplicationBuilder app)
    {
        var lookup = app.New();
        lookup.UseOutputCache();
        lookup.Run(static context =>
        {
            context.Items[s_missed] = s_missed;
            return Task.CompletedTask;
        });
        var lookupPipeline = lookup.Build();

        // The output cache finds its policy on the endpoint: this one stands in for the page's until routing runs.
        var endpoint = new Endpoint(null, new EndpointMetadataCollection(new LookupOnlyPolicy(PublicPolicy())), "Cached public page (before routing)");
        // Read at the first request, as authentication would read it then: not on the start's path (issue 12 point 5).
        var services = app.ApplicationServices;
        string? signInCookie = null;
        string SignInCookie() => signInCookie ??= services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>()
            .Get(IdentityConstants.ApplicationScheme).Cookie.Name ?? "";

        return app.Use(next => context => MayOnlyGetTheCachedPage(context.Request, SignInCookie()) ? LookUpAsync(context, next) : next(context));

        async Task LookUpAsync(HttpContext context, RequestDelegate next)
        {
            context.Items.Remove(s_missed); // an error page re-executing this request looks its own address up
            context.SetEndpoint(endpoint);
            try
            {
                await lookupPipeline(context);
            }
            finally
            {
                context.SetEndpoint(null);
            }

            // The marker stays for the output cache after authorization: it does not look the page up again.
            if (context.Items.ContainsKey(s_missed))
            {
                await next(context);
            }
        }
    }

    /// <summary>
    /// Whether this request's page was looked up here and not found: the output cache after authorization then only
    /// renders and stores it (<see cref="NoSecondLookupPolicy"/>), and counts the miss, instead of asking the store a
    /// second time (with Redis, a second round trip on every miss).
    /// </summary>
    public static bool MissedBeforeRouting(HttpContext context) => context.Items.ContainsKey(s_missed);

    /// <summary>
    /// An anonymous GET or HEAD: what the public policy looks up for, decided without authenticating (a sign-in
    /// cookie, even a stale one, goes the long way). "only-if-cached" goes the long way too: on a miss the lookup
    /// would answer 504 for any path, where today only a cached page's path does.
    /// </summary>
    public static bool MayOnlyGetTheCachedPage(HttpRequest request, string signInCookie)
        => (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && StringValues.IsNullOrEmpty(request.Headers.Authorization)
            && (signInCookie.Length == 0 || !request.Cookies.ContainsKey(signInCookie))
            && !HeaderUtilities.ContainsCacheDirective(request.Headers.CacheControl, CacheControlHeaderValue.OnlyIfCachedString);

    /// <summary>The public pages' named policy, as [OutputCache(PolicyName = ...)] on a page's action gives it.</summary>
    private static IOutputCachePolicy PublicPolicy()
    {
        var conventions = new Conventions();
        conventions.CacheOutput(Hosting.PublicCachePolicy.Name);
        var builder = new RouteEndpointBuilder(null, RoutePatternFactory.Parse("/"), 0);
        foreach (var convention in conventions.Items)
        {
            convention(builder);
        }

        return builder.Metadata.OfType<IOutputCachePolicy>().Single();
    }

    private sealed class Conventions : IEndpointConventionBuilder
    {
        public List<Action<EndpointBuilder>> Items { get; } = [];

        public void Add(Action<EndpointBuilder> convention) => Items.Add(convention);
    }

    /// <summary>Part of the public policy: no lookup for a request whose page was not found before routing.</summary>
    public sealed class NoSecondLookupPolicy : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            if (MissedBeforeRouting(context.HttpContext))
            {
                context.AllowCacheLookup = false;
            }

            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;
    }

    /// <summary>The public policy, looking up only: storing (and the lock that waits for a page being stored) is left to the output cache after authorization.</summary>
    private sealed class LookupOnlyPolicy(IOutputCachePolicy inner) : IOutputCachePolicy
    {
        public async ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            await inner.CacheRequestAsync(context, cancellation);
            context.AllowCacheStorage = false;
            context.AllowLocking = false;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => inner.ServeFromCacheAsync(context, cancellation);

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => inner.ServeResponseAsync(context, cancellation);
    }
}
