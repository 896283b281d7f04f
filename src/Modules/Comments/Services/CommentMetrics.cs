using System.Diagnostics.Metrics;
using Modules.Comments.Models;

namespace Modules.Comments.Services;

/// <summary>The comments module's instruments, on the meter <c>Cms.Comments</c> (exported with the framework's <c>Cms.*</c>).</summary>
public sealed class CommentMetrics
{
    private readonly Counter<long> _posted;

    public CommentMetrics(IMeterFactory meters)
        => _posted = meters.Create("Cms.Comments").CreateCounter<long>("cms.comments.posted", "{comment}",
            "Comments and replies stored, by the status they got (cms.comment.status = approved, pending).");

    public void Posted(CommentStatus status)
        => _posted.Add(1, new KeyValuePair<string, object?>("cms.comment.status", status == CommentStatus.Approved ? "approved" : "pending"));
}
