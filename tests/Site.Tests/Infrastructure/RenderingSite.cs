namespace Site.Tests.Infrastructure;

/// <summary>
/// A site whose output cache varies by <c>nocache</c>, as the bench's sites do: a page asked for at a
/// <see cref="Fresh"/> address was never asked before, so the request renders it.
/// </summary>
public sealed class RenderingSite : SiteFactory
{
    public const string QueryKey = "nocache";

    public RenderingSite() => UseFreshAddresses(this);

    /// <summary>Makes <paramref name="site"/> vary its output cache by <see cref="QueryKey"/> (before it starts).</summary>
    public static void UseFreshAddresses(SiteFactory site) => site.Settings["Cms:PublicCache:QueryKeys"] = QueryKey;

    /// <summary>The page at <paramref name="path"/>, at an address never asked before.</summary>
    public static string Fresh(string path) => $"{path}?{QueryKey}={Guid.NewGuid():N}";
}
