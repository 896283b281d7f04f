using Cms.Data;
using Microsoft.EntityFrameworkCore;

namespace Modules.Forecasts.Models;

/// <summary>
/// One row per tag slug of each Published post that has forecasts, written by <see cref="Handlers.ForecastIndexHandler"/>
/// from the item's TagsPart JSON (the Forecasts module does not reference the module that owns tags), so
/// /forecasts?tag= filters by an indexed column inside its one query for rows.
/// </summary>
public sealed class ForecastTag
{
    public const int MaxSlug = 64;

    public long Id { get; set; }
    public string ContentItemId { get; set; } = "";
    public string Slug { get; set; } = "";
}

public sealed class ForecastTagModel : IModelContributor
{
    public void Contribute(ModelBuilder modelBuilder) => modelBuilder.Entity<ForecastTag>(e =>
    {
        e.ToTable("ForecastTag");
        e.Property(t => t.ContentItemId).HasMaxLength(26);
        e.Property(t => t.Slug).HasMaxLength(ForecastTag.MaxSlug);
        e.HasIndex(t => new { t.Slug, t.ContentItemId });
        e.HasIndex(t => t.ContentItemId);
    });
}
