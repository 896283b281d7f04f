using Cms.Content;
using Microsoft.Extensions.DependencyInjection;
using Modules.NewsCommentary.Models;
using Modules.NewsCommentary.Services;
using Site.Tests.Modules.NewsCommentary.LinkHealth;

namespace Site.Tests.Modules.NewsCommentary.QuoteDrift;

/// <summary>A <see cref="LinkHealthSite"/> whose checker reads pages for the quote (pages of at most 64 KiB), with the article the tests edit.</summary>
public sealed class QuoteDriftSite : LinkHealthSite
{
    public const string Archive = "https://web.archive.org/web/2020/https://news.example.org/minsk";

    /// <summary>The quote as the editor typed it: curly quotes and an em dash.</summary>
    public const string Quote = "Lukashenko said he would not step down. “There will be no new election,” he told reporters — in Minsk. "
        + "The opposition called for a general strike across the whole country on Monday.";

    protected override bool ReadsQuotes => true;

    /// <summary>The article as first published: straight quotes, an en dash, other capitals and spacing, a menu and a script around it.</summary>
    public static string Article(string second = "\"There will be no new election,\" he told reporters – in Minsk.", string first = "LUKASHENKO said   he would not step down.")
        => $$"""
            <!doctype html><html><head><title>Minsk</title><style>p { color: red }</style></head>
            <body><nav>Home World</nav><article><h1>Protests in Minsk</h1>
            <p>{{first}}</p><p>{{second}}</p>
            <p>The opposition called for a general strike across the whole
            country on Monday.</p></article><script>var s = "There will be no new election";</script></body></html>
            """;

    public const string Reworded = "\"There may be a new election next year,\" he told reporters in Minsk.";

    /// <summary>A post quoting <see cref="Quote"/> from a page of the source server that starts as <see cref="Article"/>.</summary>
    public async Task<(TestPost Post, string Key)> PublishDriftingAsync(string? archive = Archive)
    {
        var key = Marker();
        Sources.SetPage(key, Article());
        return (await PublishQuotingAsync($"{Sources.BaseUrl}/page/{key}", Quote, archive), key);
    }

    public static IReadOnlyList<MissingSentence> MissingOf(SourceLinkCheck check) => QuoteDriftRecord.Missing(check.MissingJson);

    public Task<int> VersionsOfAsync(TestPost post)
        => InScopeAsync(async sp => (await sp.GetRequiredService<IContentManager>().GetVersionsAsync(post.Id)).Count);
}
