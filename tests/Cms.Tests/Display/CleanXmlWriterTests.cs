using System.Text;
using System.Xml;
using System.Xml.Linq;
using Cms.Display;

namespace Cms.Tests.Display;

/// <summary>Feeds and the sitemap are written through CleanXmlWriter: bad characters cost one character, never the document.</summary>
public sealed class CleanXmlWriterTests
{
    [Fact]
    public void Write_LeavesOutCharactersXmlCannotCarry_AndDeclaresUtf8()
    {
        var output = new StringBuilder();
        using (var writer = CleanXmlWriter.For(new Utf8StringWriter(output), new XmlWriterSettings()))
        {
            writer.WriteStartElement("feed");
            writer.WriteAttributeString("title", "bell\u0007 attribute");
            writer.WriteElementString("text", "stored\u0007 before the check");
            writer.WriteStartElement("data");
            writer.WriteCData("cdata\u0001 text");
            writer.WriteEndElement();
            writer.WriteComment("comment\u0002");
            writer.WriteEndElement();
        }

        var xml = output.ToString();
        var feed = XDocument.Parse(xml).Root!;

        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", xml, StringComparison.Ordinal);
        Assert.Equal("bell attribute", (string?)feed.Attribute("title"));
        Assert.Equal("stored before the check", (string?)feed.Element("text"));
        Assert.Equal("cdata text", (string?)feed.Element("data"));
    }

    [Fact]
    public void PlainXmlWriter_Throws_OnTheSameText()
    {
        // Why the clean writer exists: without it one stored character makes the whole feed fail.
        using var writer = XmlWriter.Create(new StringWriter());
        writer.WriteStartElement("text");

        Assert.Throws<ArgumentException>(() => writer.WriteString("bell\u0007"));
    }
}
