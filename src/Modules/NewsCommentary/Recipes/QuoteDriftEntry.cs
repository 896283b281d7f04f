using System.Globalization;
using System.Text.Json.Nodes;
using Modules.NewsCommentary.Models;

namespace Modules.NewsCommentary.Recipes;

/// <summary>One post's quote-drift record as the QuoteDrift step carries it, read with every fault named at its path.</summary>
public sealed record QuoteDriftEntry(
    string ContentItemId, string Url, string Fingerprint, QuoteState State, DateTime? CheckedUtc, string? Message,
    DateTime? DriftSinceUtc, DateTime? AcknowledgedUtc, IReadOnlyList<MissingSentence> Missing)
{
    public const int MaxSentence = 2000;

    /// <summary>The entry, or null after reporting what is wrong through <paramref name="error"/> (path, message).</summary>
    public static QuoteDriftEntry? Read(JsonNode? node, string path, Action<string, string> error)
    {
        if (node is not JsonObject row)
        {
            error(path, "A quote-drift record must be an object.");
            return null;
        }

        var errors = 0;
        void Fail(string key, string message) { errors++; error($"{path}.{key}", message); }
        var id = Text(row, "ContentItemId", Fail, required: true);
        var url = Text(row, "Url", Fail, required: true);
        var fingerprint = Text(row, "QuoteFingerprint", Fail, required: true);
        var stateText = Text(row, "State", Fail, required: true);
        QuoteState? state = null;
        if (stateText is not null && Enum.TryParse<QuoteState>(stateText, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(stateText, out _))
        {
            state = parsed;
        }
        else if (stateText is not null)
        {
            Fail("State", $"'State' must be AllFound, SomeMissing, NoneFound or Unreadable, not '{stateText}'.");
        }

        var message = Text(row, "Message", Fail);
        if (message is { Length: > SourceLinkCheck.MaxMessage })
        {
            Fail("Message", $"'Message' has at most {SourceLinkCheck.MaxMessage} characters; this one has {message.Length}.");
        }

        var missing = new List<MissingSentence>();
        if (row["Missing"] is { } list && list is not JsonArray)
        {
            Fail("Missing", "'Missing' must be an array of the sentences missing from the source.");
        }

        var sentences = row["Missing"] as JsonArray ?? [];
        for (var i = 0; i < sentences.Count; i++)
        {
            if (sentences[i] is not JsonObject s)
            {
                Fail($"Missing[{i}]", "A missing sentence must be an object with Index, Sentence and FirstMissingUtc.");
                continue;
            }

            var index = s["Index"] is JsonValue v && v.TryGetValue<int>(out var n) && n >= 0 ? n : (int?)null;
            if (index is null)
            {
                Fail($"Missing[{i}].Index", "'Index' must be a whole number, 0 or more: the sentence's place in the quote.");
            }

            var sentence = Text(s, "Sentence", (k, m) => Fail($"Missing[{i}].{k}", m), required: true);
            if (sentence is { Length: > MaxSentence })
            {
                Fail($"Missing[{i}].Sentence", $"'Sentence' has at most {MaxSentence} characters; this one has {sentence.Length}.");
            }

            var first = Date(s, "FirstMissingUtc", (k, m) => Fail($"Missing[{i}].{k}", m), required: true);
            var now = Text(s, "PageNowSays", (k, m) => Fail($"Missing[{i}].{k}", m));
            if (index is { } x && sentence is not null && first is { } f)
            {
                missing.Add(new MissingSentence(x, sentence, f, now));
            }
        }

        var checkedUtc = Date(row, "CheckedUtc", Fail);
        var since = Date(row, "DriftSinceUtc", Fail);
        var acknowledged = Date(row, "AcknowledgedUtc", Fail);
        if (state is QuoteState.AllFound && sentences.Count > 0)
        {
            Fail("Missing", "A record whose State is AllFound has no missing sentences.");
        }
        else if (state is QuoteState.SomeMissing or QuoteState.NoneFound && sentences.Count == 0)
        {
            Fail("Missing", $"A record whose State is {state} names the sentences missing ('Missing').");
        }

        if (sentences.Count > 0 && row["DriftSinceUtc"] is null)
        {
            Fail("DriftSinceUtc", "'DriftSinceUtc' is required when sentences are missing: the day the drift was first noticed.");
        }

        if (acknowledged is not null && sentences.Count == 0)
        {
            Fail("AcknowledgedUtc", "Only a drift can be acknowledged: this record has no missing sentences.");
        }

        return errors > 0 ? null
            : new QuoteDriftEntry(id!, url!, fingerprint!, state!.Value, checkedUtc, message, since, acknowledged, missing.OrderBy(m => m.Index).ToList());
    }

    private static string? Text(JsonObject obj, string key, Action<string, string> fail, bool required = false)
    {
        var node = obj[key];
        if (node is null)
        {
            if (required)
            {
                fail(key, $"'{key}' is required.");
            }

            return null;
        }

        if (node is JsonValue v && v.TryGetValue<string>(out var text) && (!required || !string.IsNullOrWhiteSpace(text)))
        {
            return text;
        }

        fail(key, required ? $"'{key}' must be a non-empty string." : $"'{key}' must be a string.");
        return null;
    }

    private static DateTime? Date(JsonObject obj, string key, Action<string, string> fail, bool required = false)
    {
        var text = Text(obj, key, fail, required);
        if (text is null)
        {
            return null;
        }

        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date))
        {
            return DateTime.SpecifyKind(date, DateTimeKind.Utc);
        }

        fail(key, $"'{key}' must be a UTC date and time like 2024-06-01T00:00:00Z, not '{text}'.");
        return null;
    }
}
