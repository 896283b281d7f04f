using System.Xml;
using Cms.Content;

namespace Cms.Display;

/// <summary>
/// An XmlWriter that leaves out the characters XML cannot carry (<see cref="XmlChars"/>) instead of
/// throwing: text stored before such characters were refused, or arriving by a path that forgot to check,
/// costs a feed one character, never the whole feed with a 500.
/// </summary>
public sealed class CleanXmlWriter(XmlWriter inner) : XmlWriter
{
    /// <summary>Give it a <see cref="Utf8StringWriter"/> (feeds, sitemap), so the XML declares the UTF-8 it is sent as.</summary>
    public static XmlWriter For(TextWriter output, XmlWriterSettings settings) => new CleanXmlWriter(XmlWriter.Create(output, settings));

    public override XmlWriterSettings? Settings => inner.Settings;

    public override WriteState WriteState => inner.WriteState;

    public override void WriteString(string? text) => inner.WriteString(text is null ? null : XmlChars.Clean(text));

    public override Task WriteStringAsync(string? text) => inner.WriteStringAsync(text is null ? null : XmlChars.Clean(text));

    public override void WriteCData(string? text) => inner.WriteCData(text is null ? null : XmlChars.Clean(text));

    public override void WriteComment(string? text) => inner.WriteComment(text is null ? null : XmlChars.Clean(text));

    public override void WriteChars(char[] buffer, int index, int count) => WriteString(new string(buffer, index, count));

    public override void WriteRaw(string data) => inner.WriteRaw(XmlChars.Clean(data));

    public override void WriteRaw(char[] buffer, int index, int count) => WriteRaw(new string(buffer, index, count));

    public override void Flush() => inner.Flush();

    public override Task FlushAsync() => inner.FlushAsync();

    public override string? LookupPrefix(string ns) => inner.LookupPrefix(ns);

    public override void WriteBase64(byte[] buffer, int index, int count) => inner.WriteBase64(buffer, index, count);

    public override void WriteCharEntity(char ch) => inner.WriteCharEntity(ch);

    public override void WriteDocType(string name, string? pubid, string? sysid, string? subset) => inner.WriteDocType(name, pubid, sysid, subset);

    public override void WriteEndAttribute() => inner.WriteEndAttribute();

    public override void WriteEndDocument() => inner.WriteEndDocument();

    public override void WriteEndElement() => inner.WriteEndElement();

    public override void WriteEntityRef(string name) => inner.WriteEntityRef(name);

    public override void WriteFullEndElement() => inner.WriteFullEndElement();

    public override void WriteProcessingInstruction(string name, string? text) => inner.WriteProcessingInstruction(name, text);

    public override void WriteStartAttribute(string? prefix, string localName, string? ns) => inner.WriteStartAttribute(prefix, localName, ns);

    public override void WriteStartDocument() => inner.WriteStartDocument();

    public override void WriteStartDocument(bool standalone) => inner.WriteStartDocument(standalone);

    public override void WriteStartElement(string? prefix, string localName, string? ns) => inner.WriteStartElement(prefix, localName, ns);

    public override void WriteSurrogateCharEntity(char lowChar, char highChar) => inner.WriteSurrogateCharEntity(lowChar, highChar);

    public override void WriteWhitespace(string? ws) => inner.WriteWhitespace(ws);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await inner.DisposeAsync();
        await base.DisposeAsyncCore();
    }
}
