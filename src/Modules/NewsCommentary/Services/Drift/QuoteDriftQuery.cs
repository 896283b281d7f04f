using Cms.Content;
using Cms.Data;
using Microsoft.EntityFrameworkCore;
using Modules.NewsCommentary.Models;
using Modules.NewsCommentary.ViewModels;

namespace Modules.NewsCommentary.Services;

/// <summary>The report's "changed" filter: published posts whose quote drifted and no editor has acknowledged, oldest drift first (two queries).</summary>
public sealed class QuoteDriftQuery(LazyDbContext lazyDb, IContentManager contentManager)
{
    private CmsDbContext Db => lazyDb.Context;

    private IQueryable<SourceLinkCheck> Unacknowledged => Db.Set<SourceLinkCheck>().AsNoTracking()
        .Where(c => c.Published && c.DriftSinceUtc != null && c.DriftAcknowledgedUtc == null);

    public async Task<QuoteDriftReport> PageAsync(int page, int pageSize)
    {
        var rows = await Unacknowledged
            .OrderBy(c => c.DriftSinceUtc).ThenBy(c => c.Id)
            .Skip((page - 1) * pageSize).Take(pageSize + 1)
            .ToListAsync();
        var posts = await ReportPosts.ByIdAsync(contentManager, rows.Select(r => r.ContentItemId));
        var entries = rows.Take(pageSize).Select(r =>
        {
            var post = posts.GetValueOrDefault(r.ContentItemId);
            var archive = post?.As<SourceLinkPart>()?.ArchiveUrl;
            return new DriftEntry(
                r.ContentItemId, ReportPosts.TitleOf(post), r.Url, r.QuoteState ?? QuoteState.Unreadable,
                r.QuoteMessage, r.DriftSinceUtc!.Value, r.QuoteCheckedUtc, QuoteDriftRecord.Missing(r.MissingJson).Select(DriftDiff.Of).ToList(),
                post?.As<QuotePart>()?.Text ?? "", SafeUrl.IsHttp(archive) ? archive : null);
        }).ToList();
        return new QuoteDriftReport(entries, page, rows.Count > pageSize);
    }

    public Task<int> CountAsync() => Unacknowledged.CountAsync();
}
