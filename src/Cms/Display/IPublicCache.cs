namespace Cms.Display;

/// <summary>
/// The output cache of anonymous public pages. Every page is tagged <see cref="Tag"/>, because a
/// post appears on the home page, archives and feeds as well as its own page.
/// </summary>
public interface IPublicCache
{
    const string Tag = "public";

    Task EvictAllAsync();
}
