using Cms.Data;
using Cms.Settings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Hosting;

/// <summary>
/// The site's public base URL as the request pipeline needs it (host filter, HTTPS, Secure cookies),
/// read from configuration or from the cached site settings, so a cached page costs no database work.
/// </summary>
public sealed class PublicOrigin(IConfiguration configuration, ShellSettingsStore shell, DocumentCache documents)
{
    /// <summary>Other host names the site answers (Cms__AllowedHosts, separated by ';'), e.g. an internal name for health checks.</summary>
    public const string AllowedHostsKey = "Cms:AllowedHosts";

    private readonly string? _configured = PublicBaseUrl.Configured(configuration);
    private readonly string[] _extraHosts = (configuration[AllowedHostsKey] ?? "")
        .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private volatile Parsed? _last;

    /// <summary>The base URL, or null on a site without one (not set up yet, or set up before the setting existed).</summary>
    /// <param name="requestServices">The request's services: settings read from the database are kept in its snapshot, so the request reads them once.</param>
    public async ValueTask<Uri?> GetAsync(IServiceProvider requestServices)
    {
        var text = _configured ?? await StoredAsync(requestServices);
        var last = _last;
        if (last is not null && last.Text == text)
        {
            return last.Uri;
        }

        var uri = Uri.TryCreate(PublicBaseUrl.ForLinks(text), UriKind.Absolute, out var parsed) ? parsed : null;
        _last = new Parsed(text, uri, uri?.IdnHost);
        return uri;
    }

    /// <summary>
    /// True when a request for this host may be served: the base URL's host (as the last <see cref="GetAsync"/>
    /// found it), or one of Cms__AllowedHosts. The port is not compared, as ASP.NET Core's host filtering does not.
    /// </summary>
    public bool Allows(string requestHost)
    {
        if (_last?.Host is { } own && string.Equals(own, requestHost, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (var host in _extraHosts)
        {
            if (string.Equals(host, requestHost, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    public IReadOnlyList<string> ExtraHosts => _extraHosts;

    /// <summary>The base URL as this request's <see cref="GetAsync"/> found it, for what runs later and cannot wait (Secure cookies).</summary>
    public Uri? Current => _last?.Uri;

    public bool IsHttps => Current?.Scheme == Uri.UriSchemeHttps;

    /// <summary>From the document cache when it holds the settings (every request but the first after a change), else the database.</summary>
    private async ValueTask<string> StoredAsync(IServiceProvider requestServices)
    {
        if (documents.TryGet(SiteSettings.DocumentId, out var cached) && cached is SiteSettings settings)
        {
            return settings.BaseUrl;
        }

        if (!shell.IsSetUp)
        {
            return "";
        }

        return (await requestServices.GetRequiredService<ISiteService>().GetAsync()).BaseUrl;
    }

    private sealed record Parsed(string Text, Uri? Uri, string? Host);
}
