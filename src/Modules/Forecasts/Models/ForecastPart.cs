using Cms.Content;

namespace Modules.Forecasts.Models;

/// <summary>The forecasts a post makes; each is resolved later by an editor, as a new version of the post.</summary>
public sealed class ForecastPart : ContentPart, IValidatablePart
{
    public const int MaxForecasts = 10;

    public List<Forecast> Forecasts { get; set; } = [];

    public IEnumerable<PartError> Validate()
    {
        if (Forecasts.Count > MaxForecasts)
        {
            yield return new PartError(nameof(Forecasts), $"A post makes at most {MaxForecasts} forecasts.");
        }

        for (var i = 0; i < Forecasts.Count; i++)
        {
            foreach (var error in Forecasts[i].Validate())
            {
                yield return error with { Property = $"{nameof(Forecasts)}[{i}].{error.Property}" };
            }
        }
    }
}

/// <summary>
/// One forecast: a short statement, an optional probability (0–100 %) and the date by which it can be
/// judged; once resolved, its outcome, the editor's note and an optional link to a follow-up post.
/// </summary>
public sealed class Forecast
{
    public const int MaxStatement = 300;
    public const int MaxNote = 1000;
    public const int MaxUrl = 2048;

    /// <summary>Stable across versions, so a resolution names the forecast it judges.</summary>
    public string Id { get; set; } = "";
    public string Statement { get; set; } = "";
    public int? Probability { get; set; }
    public DateTime ResolveByUtc { get; set; }
    public ForecastOutcome? Outcome { get; set; }
    public string? Note { get; set; }
    public string? FollowUpUrl { get; set; }
    public DateTime? ResolvedUtc { get; set; }

    public IEnumerable<PartError> Validate()
    {
        if (string.IsNullOrWhiteSpace(Statement))
        {
            yield return new PartError(nameof(Statement), "A forecast needs a statement.");
        }
        else if (Statement.Length > MaxStatement)
        {
            yield return new PartError(nameof(Statement), $"A forecast's statement has at most {MaxStatement} characters.");
        }

        if (Probability is < 0 or > 100)
        {
            yield return new PartError(nameof(Probability), $"The probability is a whole number from 0 to 100 (per cent); {Probability} is not.");
        }

        if (ResolveByUtc == default)
        {
            yield return new PartError(nameof(ResolveByUtc), "A forecast needs a resolve-by date.");
        }

        if (Note?.Length > MaxNote)
        {
            yield return new PartError(nameof(Note), $"The outcome note has at most {MaxNote} characters; this one has {Note.Length}.");
        }

        if (FollowUpUrl is { Length: > 0 } url && !IsFollowUp(url))
        {
            yield return new PartError(nameof(FollowUpUrl), "The follow-up link is a path on this site (/2021/...) or an http:// or https:// address.");
        }
    }

    /// <summary>A site path or an absolute http(s) URL: never javascript: or data:.</summary>
    public static bool IsFollowUp(string url)
        => url.Length <= MaxUrl && ((url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.Contains('\\'))
            || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)));
}

/// <summary>How a forecast turned out. Stored by name, in the item and in recipes.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<ForecastOutcome>))]
public enum ForecastOutcome
{
    Happened,
    DidNotHappen,
    Partly,
    Withdrawn,
}
