using Cms.Content;
using Cms.Data;
using Microsoft.EntityFrameworkCore;
using Modules.NewsCommentary.Models;
using Modules.NewsCommentary.ViewModels;

namespace Modules.NewsCommentary.Services;

/// <summary>Reads of source link health: the post page's one look, and the admin report.</summary>
public sealed class LinkHealthQuery(LazyDbContext lazyDb, IContentManager contentManager, IDocumentStore documents)
{
    private CmsDbContext Db => lazyDb.Context;

    // The outcomes LinkHealthRules.IsBroken names, written out so the filter runs in the database.
    private IQueryable<SourceLinkCheck> Broken => Db.Set<SourceLinkCheck>().AsNoTracking()
        .Where(c => c.Published && c.Outcome != LinkOutcome.Unchecked && c.Outcome != LinkOutcome.Ok && c.Outcome != LinkOutcome.Redirected);

    /// <summary>
    /// True when the checker found this very URL gone (a URL edited since is not judged by the old one's
    /// answers). Read from the cached document, so the post page spends no query on it.
    /// </summary>
    public async Task<bool> IsGoneAsync(string contentItemId, string url)
        => (await documents.GetAsync<GoneSourcesDocument>(GoneSourcesDocument.DocumentId)).Items.TryGetValue(contentItemId, out var gone)
            && gone == url;

    /// <summary>
    /// The drift readers are told of for this very wording of the quote (a quote reworded since is not judged
    /// by the old one's reading); null when none. From the cached document, so the post page spends no query.
    /// </summary>
    public async Task<DriftNotice?> DriftOfAsync(string contentItemId, IReadOnlyList<string> sentences)
        => sentences.Count > 0
            && (await documents.GetAsync<QuoteDriftDocument>(QuoteDriftDocument.DocumentId)).Items.TryGetValue(contentItemId, out var drift)
            && drift.Fingerprint == QuoteText.Fingerprint(sentences)
                ? drift : null;

    /// <summary>One page of broken links, longest broken first, with each post's title and archive URL (two queries).</summary>
    public async Task<LinkHealthReport> BrokenPageAsync(int page, int pageSize)
    {
        var rows = await Broken
            .OrderBy(c => c.FailingSinceUtc).ThenBy(c => c.Id)
            .Skip((page - 1) * pageSize).Take(pageSize + 1)
            .ToListAsync();
        var posts = await ReportPosts.ByIdAsync(contentManager, rows.Select(r => r.ContentItemId));
        var entries = rows.Take(pageSize).Select(r =>
        {
            var post = posts.GetValueOrDefault(r.ContentItemId);
            var archive = post?.As<SourceLinkPart>()?.ArchiveUrl;
            return new BrokenLinkEntry(
                r.ContentItemId, ReportPosts.TitleOf(post), r.Url, r.Outcome,
                LinkHealthRules.Label(r.Outcome), r.StatusCode, r.Message, r.FinalUrl, r.FailingSinceUtc, r.LastCheckedUtc,
                r.ConsecutiveFailures, r.Gone, SafeUrl.IsHttp(archive) ? archive : null);
        }).ToList();
        return new LinkHealthReport(entries, page, rows.Count > pageSize);
    }

    public async Task<LinkHealthCounts> CountsAsync()
    {
        var published = Db.Set<SourceLinkCheck>().AsNoTracking().Where(c => c.Published);
        var byOutcome = await published.GroupBy(c => c.Outcome).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        return new LinkHealthCounts(
            byOutcome.Sum(o => o.Count),
            byOutcome.Where(o => o.Key == LinkOutcome.Unchecked).Sum(o => o.Count),
            byOutcome.Where(o => LinkHealthRules.IsBroken(o.Key)).Sum(o => o.Count));
    }
}
