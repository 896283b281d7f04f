using System.Globalization;
using System.Text;
using System.Xml;
using Cms.Display;
using Cms.Hosting;
using Cms.Modules;
using Cms.Settings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Modules.Contents.Services;

namespace Modules.Contents.Controllers;

/// <summary>sitemap.xml (the home page, every published item with a path, the enabled features' other pages) and robots.txt.</summary>
[OutputCache(PolicyName = PublicCachePolicy.Name)]
public sealed class SitemapController(
    IAutorouteEntries entries,
    IPublicUrls urls,
    IEnumerable<FeatureBound<ISitemapSource>> sources,
    IFeatureManager features) : Controller
{
    /// <summary>The sitemap protocol's limit for one file.</summary>
    public const int MaxUrls = 50_000;

    [HttpGet("/sitemap.xml")]
    public async Task<IActionResult> Sitemap()
    {
        var baseUrl = await urls.BaseUrlAsync();
        var items = await entries.ListPublishedAsync(MaxUrls - 1);
        var enabled = await features.GetEnabledAsync();
        var others = new List<SitemapEntry>();
        foreach (var source in sources.Where(s => enabled.Contains(s.FeatureId)))
        {
            others.AddRange(await source.Service.GetEntriesAsync(MaxUrls - 1 - items.Count - others.Count));
        }

        var output = new StringBuilder();
        using (var writer = CleanXmlWriter.For(new Utf8StringWriter(output), new XmlWriterSettings { Indent = true }))
        {
            writer.WriteStartElement("urlset", "http://www.sitemaps.org/schemas/sitemap/0.9");
            WriteUrl(writer, baseUrl + "/", null);
            foreach (var item in items)
            {
                WriteUrl(writer, baseUrl + item.Path, item.ModifiedUtc);
            }

            foreach (var other in others)
            {
                WriteUrl(writer, baseUrl + other.Path, other.ModifiedUtc);
            }

            writer.WriteEndElement();
        }

        return Content(output.ToString(), "application/xml; charset=utf-8");
    }

    [HttpGet("/robots.txt")]
    public async Task<IActionResult> Robots()
    {
        var text = $"User-agent: *\nAllow: /\nDisallow: /admin\nDisallow: /preview/\nDisallow: /setup\n\nSitemap: {await urls.AbsoluteAsync("/sitemap.xml")}\n";
        return Content(text, "text/plain; charset=utf-8");
    }

    private static void WriteUrl(XmlWriter writer, string location, DateTime? modified)
    {
        writer.WriteStartElement("url");
        writer.WriteElementString("loc", location);
        if (modified is { } date)
        {
            writer.WriteElementString("lastmod", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        writer.WriteEndElement();
    }
}
