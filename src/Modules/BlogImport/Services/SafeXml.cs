using System.Xml;
using System.Xml.Linq;

namespace Modules.BlogImport.Services;

/// <summary>
/// Loads an export as XML without trusting it: a DTD is refused outright (so no entity can expand into
/// a billion laughs or read a local file), nothing is resolved, and a malformed file is named by line and position.
/// </summary>
public static class SafeXml
{
    public static (XDocument? Document, string? Error) Load(Stream stream)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersFromEntities = 1024,
            IgnoreProcessingInstructions = true,
            IgnoreComments = true,
            Async = false,
        };
        try
        {
            using var reader = XmlReader.Create(stream, settings);
            return (XDocument.Load(reader, LoadOptions.None), null);
        }
        catch (XmlException ex) when (ex.Message.Contains("DTD", StringComparison.Ordinal))
        {
            return (null, "The file declares a DTD (<!DOCTYPE …>); imports refuse DTDs and the entities they declare, which no Blogger or WordPress export has.");
        }
        catch (XmlException ex)
        {
            return (null, $"The file is not well-formed XML: line {ex.LineNumber}, position {ex.LinePosition}: {ex.Message.Split(" Line ")[0]}");
        }
    }

    /// <summary>An element's trimmed text, or "" when it is absent.</summary>
    public static string Text(this XElement? element) => element?.Value.Trim() ?? "";

    /// <summary>An RFC 3339 / ISO 8601 date as UTC, or null when absent or unreadable.</summary>
    public static DateTime? Date(string? text)
        => DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var date)
            ? DateTime.SpecifyKind(date.UtcDateTime, DateTimeKind.Utc)
            : null;
}
