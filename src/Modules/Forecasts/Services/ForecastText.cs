using System.Globalization;
using Modules.Forecasts.Models;

namespace Modules.Forecasts.Services;

/// <summary>How forecasts read: outcomes, probabilities and dates, the same on every page.</summary>
public static class ForecastText
{
    private static readonly CultureInfo s_english = CultureInfo.GetCultureInfo("en-US");

    public static string Outcome(ForecastOutcome? outcome) => outcome switch
    {
        ForecastOutcome.Happened => "Happened",
        ForecastOutcome.DidNotHappen => "Did not happen",
        ForecastOutcome.Partly => "Partly happened",
        ForecastOutcome.Withdrawn => "Withdrawn",
        _ => "Open",
    };

    public static string Slug(ForecastOutcome outcome) => outcome switch
    {
        ForecastOutcome.DidNotHappen => "did-not-happen",
        _ => outcome.ToString().ToLowerInvariant(),
    };

    public static ForecastOutcome? FromSlug(string? slug)
        => Enum.GetValues<ForecastOutcome>().Cast<ForecastOutcome?>().FirstOrDefault(o => Slug(o!.Value) == slug);

    public static string Date(DateTime date) => date.ToString("MMMM d, yyyy", s_english);

    public static string Iso(DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Number(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    public static string Percent(double share) => (share * 100).ToString("0", CultureInfo.InvariantCulture) + " %";
}
