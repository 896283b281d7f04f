using Modules.Forecasts.Models;
using Modules.Forecasts.ViewModels;

namespace Modules.Forecasts.Services;

/// <summary>
/// The record's arithmetic. Only forecasts with a probability that happened or did not are scored:
/// "partly" has no agreed score and a withdrawn forecast was taken back, so both are counted, not scored.
/// </summary>
public static class ForecastScore
{
    /// <summary>Calibration bands of stated probability: 0–9 %, 10–19 % ... 90–100 %.</summary>
    public const int BandWidth = 10;

    public static ForecastRecord Of(IEnumerable<(ForecastOutcome? Outcome, int? Probability, int Count)> groups)
    {
        var list = groups.ToList();
        var resolved = Enum.GetValues<ForecastOutcome>().ToDictionary(o => o, o => list.Where(g => g.Outcome == o).Sum(g => g.Count));
        var scored = list.Where(g => g.Probability is not null && g.Outcome is ForecastOutcome.Happened or ForecastOutcome.DidNotHappen).ToList();
        var count = scored.Sum(g => g.Count);
        double? brier = count == 0 ? null : scored.Sum(g => g.Count * Square(g.Probability!.Value / 100.0 - (g.Outcome == ForecastOutcome.Happened ? 1 : 0))) / count;
        var bands = scored.GroupBy(g => Math.Min(g.Probability!.Value / BandWidth, 9))
            .OrderBy(b => b.Key)
            .Select(b => new CalibrationBand(
                b.Key * BandWidth,
                b.Key == 9 ? 100 : b.Key * BandWidth + BandWidth - 1,
                b.Sum(g => g.Count),
                b.Where(g => g.Outcome == ForecastOutcome.Happened).Sum(g => g.Count),
                b.Sum(g => g.Count * g.Probability!.Value) / (double)b.Sum(g => g.Count) / 100))
            .ToList();
        return new ForecastRecord(list.Where(g => g.Outcome is null).Sum(g => g.Count), resolved, brier, count, bands);
    }

    private static double Square(double x) => x * x;
}
