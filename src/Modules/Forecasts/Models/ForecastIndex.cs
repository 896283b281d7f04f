using Cms.Data;
using Microsoft.EntityFrameworkCore;

namespace Modules.Forecasts.Models;

/// <summary>
/// One row per forecast of each Published version, with what the record and the lists show, so the due
/// list, the /forecasts page and its score are each one query that never reads item JSON.
/// </summary>
public sealed class ForecastIndex
{
    public long Id { get; set; }
    public string ContentItemId { get; set; } = "";
    public string ForecastId { get; set; } = "";
    public string PostTitle { get; set; } = "";
    public DateTime? PostPublishedUtc { get; set; }

    /// <summary>The post's address ("/2021/03/..."), so a page of forecasts needs no look-up of addresses; null on rows indexed before it was kept.</summary>
    public string? PostPath { get; set; }
    public string Statement { get; set; } = "";
    public int? Probability { get; set; }
    public DateTime ResolveByUtc { get; set; }
    public ForecastOutcome? Outcome { get; set; }
    public string? Note { get; set; }
    public DateTime? ResolvedUtc { get; set; }
}

public sealed class ForecastModel : IModelContributor
{
    public void Contribute(ModelBuilder modelBuilder) => modelBuilder.Entity<ForecastIndex>(e =>
    {
        e.ToTable("ForecastIndex");
        e.Property(i => i.ContentItemId).HasMaxLength(26);
        e.Property(i => i.ForecastId).HasMaxLength(26);
        e.Property(i => i.PostTitle).HasMaxLength(1024);
        e.Property(i => i.PostPath).HasMaxLength(Modules.Contents.Models.AutoroutePart.MaxLength + 1);
        e.Property(i => i.Statement).HasMaxLength(Forecast.MaxStatement);
        e.Property(i => i.Note).HasMaxLength(Forecast.MaxNote);
        e.Property(i => i.Outcome).HasConversion<string>().HasMaxLength(16);
        e.HasIndex(i => i.ContentItemId);

        // The due list (unresolved, by date), the public list (newest first) and one outcome's list (newest
        // first: a seek to the outcome, then as many rows as the page shows, however rare the outcome).
        e.HasIndex(i => new { i.Outcome, i.ResolveByUtc });
        e.HasIndex(i => new { i.PostPublishedUtc, i.Id });
        e.HasIndex(i => new { i.Outcome, i.PostPublishedUtc, i.Id });
    });
}
