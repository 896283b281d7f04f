using Modules.Forecasts.Models;

namespace Modules.Forecasts.ViewModels;

/// <summary>The post's forecasts as readers see them, each with its outcome once resolved.</summary>
public sealed record ForecastPartViewModel(IReadOnlyList<Forecast> Forecasts);

/// <summary>The editor: a row per forecast not yet resolved and two empty ones; resolved forecasts are shown, not edited.</summary>
public sealed class ForecastPartEditViewModel
{
    public List<ForecastEditRow> Rows { get; set; } = [];
    public List<Forecast> Resolved { get; set; } = [];
}

public sealed class ForecastEditRow
{
    public string? Id { get; set; }
    public string? Statement { get; set; }
    public int? Probability { get; set; }
    public DateTime? ResolveBy { get; set; }
}

/// <summary>A forecast in a list (due list, /forecasts): the forecast, its post's title and address.</summary>
public sealed record ForecastEntry(ForecastIndex Row, string? PostPath);

public sealed record DueListViewModel(IReadOnlyList<ForecastEntry> Due);

/// <summary>The public record: one page of forecasts, the filter, and the score.</summary>
public sealed record ForecastsPageViewModel(
    IReadOnlyList<ForecastEntry> Entries, ForecastOutcome? Outcome, bool OpenOnly, string? Tag, int Page, bool HasNext, ForecastRecord Record, string? JsonLd);

/// <summary>
/// Counts per outcome and, over forecasts with a probability that happened or did not, the Brier score
/// (mean squared distance between the probability and what happened: 0 is perfect, 0.25 is always saying 50 %)
/// and the calibration table (per band of stated probability, how often such forecasts came true).
/// </summary>
public sealed record ForecastRecord(int Open, IReadOnlyDictionary<ForecastOutcome, int> Resolved, double? Brier, int Scored, IReadOnlyList<CalibrationBand> Calibration);

public sealed record CalibrationBand(int From, int To, int Count, int Happened, double MeanProbability)
{
    public double HappenedShare => Count == 0 ? 0 : (double)Happened / Count;
}
