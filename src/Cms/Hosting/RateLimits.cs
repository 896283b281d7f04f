using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cms.Hosting;

/// <summary>
/// ASP.NET Core's rate limiter over the actions marked <see cref="RateLimitAttribute"/>: two fixed
/// windows chained, one per client address (the connection's peer, or the forwarded address when a
/// known proxy sent it; IPv6 by /64) and one per target account, so neither many addresses against one
/// account nor one address against many accounts gets far. Over a limit: 429, Retry-After and the
/// theme's page saying how long to wait.
/// </summary>
public static class RateLimits
{
    public static IServiceCollection AddCmsRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitOptions>().Configure(options =>
            options.Enabled = configuration.GetValue($"{RateLimitOptions.Section}:Enabled", defaultValue: true));
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((options, limits) =>
        {
            var rules = limits.Value;
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context => ByAddress(context, rules)),
                PartitionedRateLimiter.Create<HttpContext, string>(context => ByAccount(context, rules)));
            options.OnRejected = (context, _) =>
            {
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
        });
        return services;
    }

    /// <summary>
    /// Reads the posted form of a limited action before the limiter runs, so the account it names can be
    /// counted (the limiter's partitioning cannot wait for the body). MVC reads the same buffered form later.
    /// </summary>
    /// <remarks>Only POSTs are limited, so only they go through the limiter: a cached page never waits on its partition lock.</remarks>
    public static IApplicationBuilder UseCmsRateLimits(this IApplicationBuilder app)
        => app.UseWhen(context => HttpMethods.IsPost(context.Request.Method), post =>
        {
            post.Use(async (context, next) =>
            {
                if (context.Request.HasFormContentType && context.GetEndpoint()?.Metadata.GetMetadata<RateLimitAttribute>() is { AccountField: not null })
                {
                    await context.Request.ReadFormAsync(context.RequestAborted);
                }

                await next(context);
            });
            post.UseRateLimiter();
        });

    /// <summary>The client's address as the limiter counts it: IPv6 addresses by their /64 network, which one subscriber holds.</summary>
    public static string ClientKey(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    private static RateLimitPartition<string> ByAddress(HttpContext context, RateLimitOptions options)
    {
        if (Limited(context, options) is not { } limited || limited.Rule.PermitLimit <= 0)
        {
            return RateLimitPartition.GetNoLimiter("");
        }

        var (attribute, rule) = limited;

        return Window($"{attribute.Rule}|ip|{ClientKey(context.Connection.RemoteIpAddress)}", rule.PermitLimit, rule.Window);
    }

    private static RateLimitPartition<string> ByAccount(HttpContext context, RateLimitOptions options)
    {
        if (Limited(context, options) is not { } limited || limited.Rule.AccountPermitLimit <= 0)
        {
            return RateLimitPartition.GetNoLimiter("");
        }

        var (attribute, rule) = limited;

        var account = attribute.BySignedInUser
            ? context.User.FindFirstValue(ClaimTypes.NameIdentifier)
            : attribute.AccountField is { } field && context.Request.HasFormContentType ? context.Request.Form[field].ToString() : null;
        account = account?.Trim().ToUpperInvariant();
        return string.IsNullOrEmpty(account) || account.Length > 256
            ? RateLimitPartition.GetNoLimiter("")
            : Window($"{attribute.Rule}|account|{account}", rule.AccountPermitLimit, rule.AccountWindow);
    }

    private static (RateLimitAttribute Attribute, RateLimitRule Rule)? Limited(HttpContext context, RateLimitOptions options)
    {
        if (!options.Enabled || !HttpMethods.IsPost(context.Request.Method)
            || context.GetEndpoint()?.Metadata.GetMetadata<RateLimitAttribute>() is not { } attribute
            || options.Find(attribute.Rule) is not { } rule)
        {
            return null;
        }

        return (attribute, rule);
    }

    private static RateLimitPartition<string> Window(string key, int permits, TimeSpan window)
        => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window > TimeSpan.Zero ? window : TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
}
