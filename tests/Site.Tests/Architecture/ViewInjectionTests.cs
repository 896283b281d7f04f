using System.Text.RegularExpressions;

namespace Site.Tests.Architecture;

/// <summary>
/// Views receive view models; they inject nothing that queries. What a layout may inject instead is
/// listed here with its reason: each reads only what the request already holds.
/// </summary>
public sealed partial class ViewInjectionTests
{
    private static readonly Dictionary<string, string> s_allowed = new(StringComparer.Ordinal)
    {
        ["ISiteService"] = "layouts: the request's snapshot of the site settings, read once per request",
        ["IFeatureManager"] = "the theme's layout: the request's snapshot of the feature state",
        ["IAdminMenu"] = "the admin layout: the menu of enabled features, filtered by the user's cached role permissions",
        ["INotifier"] = "layouts and notice partials: the messages kept in TempData across a redirect",
        ["IPublicUrls"] = "the admin layout: whether the site has a public address yet, from configuration or the request's settings snapshot",
    };

    [Fact]
    public void Views_InjectOnlyWhatTheRequestAlreadyHolds()
    {
        var views = RepositoryFiles.Under("src", "*.cshtml");
        var injected = views
            .SelectMany(v => InjectLine().Matches(RepositoryFiles.Read(v)).Select(m => (View: v, Type: m.Groups["type"].Value.Split('.')[^1])))
            .ToList();

        Assert.True(views.Count > 50, $"found only {views.Count} views");
        Assert.All(injected, i => Assert.True(s_allowed.ContainsKey(i.Type), $"{i.View} injects {i.Type}: give the view what it needs in its model"));
    }

    [GeneratedRegex(@"^@inject\s+(?<type>[\w.<>]+)\s+\w+", RegexOptions.Multiline)]
    private static partial Regex InjectLine();
}
