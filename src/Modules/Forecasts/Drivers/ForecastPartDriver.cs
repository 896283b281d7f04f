using Cms.Display;
using Modules.Forecasts.Models;
using Modules.Forecasts.ViewModels;

namespace Modules.Forecasts.Drivers;

/// <summary>
/// Forecasts under the analysis on the post page (lists leave them out); edited as rows. Outcomes are
/// never set here: resolving is its own action (<c>ForecastAdminController</c>), which makes a new version.
/// </summary>
public sealed class ForecastPartDriver(TimeProvider clock) : ContentPartDisplayDriver<ForecastPart>
{
    public override bool DisplayIsSameForEveryReader => true;

    private const int EmptyRows = 2;

    public override Task<PartView?> DisplayAsync(ForecastPart part, PartDisplayContext context)
        => Task.FromResult(context.IsSummary || part.Forecasts.Count == 0 ? null : context.View(new ForecastPartViewModel(part.Forecasts)));

    public override Task<PartView?> EditAsync(ForecastPart part, PartDisplayContext context)
    {
        var model = new ForecastPartEditViewModel
        {
            Rows = part.Forecasts.Where(f => f.Outcome is null)
                .Select(f => new ForecastEditRow { Id = f.Id, Statement = f.Statement, Probability = f.Probability, ResolveBy = f.ResolveByUtc })
                .Concat(Enumerable.Range(0, EmptyRows).Select(_ => new ForecastEditRow()))
                .ToList(),
            Resolved = part.Forecasts.Where(f => f.Outcome is not null).ToList(),
        };
        return Task.FromResult<PartView?>(context.View(model));
    }

    public override async Task UpdateAsync(ForecastPart part, IUpdateModel updater, PartDisplayContext context)
    {
        var model = new ForecastPartEditViewModel();
        await updater.TryUpdateModelAsync(model, context.Prefix);
        var postDate = (context.ContentItem.PublishedUtc ?? context.ContentItem.CreatedUtc ?? clock.GetUtcNow().UtcDateTime).Date;
        var stored = part.Forecasts.ToDictionary(f => f.Id, StringComparer.Ordinal);
        var forecasts = part.Forecasts.Where(f => f.Outcome is not null).ToList();
        for (var i = 0; i < model.Rows.Count; i++)
        {
            var row = model.Rows[i];
            if (string.IsNullOrWhiteSpace(row.Statement) && row.Probability is null && row.ResolveBy is null)
            {
                continue; // an empty row, or a forecast the editor cleared: removed
            }

            var forecast = row.Id is { } id && stored.TryGetValue(id, out var known) && known.Outcome is null ? known : new Forecast();
            forecast.Statement = row.Statement?.Trim() ?? "";
            forecast.Probability = row.Probability;
            forecast.ResolveByUtc = row.ResolveBy is { } date ? DateTime.SpecifyKind(date.Date, DateTimeKind.Utc) : default;
            var field = $"{context.Prefix}.{nameof(model.Rows)}[{i}]";
            foreach (var error in forecast.Validate())
            {
                updater.ModelState.AddModelError($"{field}.{(error.Property == nameof(Forecast.ResolveByUtc) ? nameof(row.ResolveBy) : error.Property)}", error.Message);
            }

            if (forecast.ResolveByUtc != default && forecast.ResolveByUtc < postDate)
            {
                updater.ModelState.AddModelError($"{field}.{nameof(row.ResolveBy)}",
                    $"The resolve-by date {forecast.ResolveByUtc:yyyy-MM-dd} is before the post ({postDate:yyyy-MM-dd}): a forecast is about what comes after.");
            }

            forecasts.Add(forecast);
        }

        part.Forecasts = forecasts;
        if (forecasts.Count > ForecastPart.MaxForecasts)
        {
            updater.ModelState.AddModelError($"{context.Prefix}.{nameof(model.Rows)}", $"A post makes at most {ForecastPart.MaxForecasts} forecasts.");
        }
    }
}
