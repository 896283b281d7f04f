using System.Globalization;
using System.Text;

namespace Cms.Display;

/// <summary>
/// A string writer that says UTF-8, so an XmlWriter over it declares encoding="utf-8": the XML is
/// built as a string and sent as UTF-8 (feeds, sitemap).
/// </summary>
public sealed class Utf8StringWriter(StringBuilder builder) : StringWriter(builder, CultureInfo.InvariantCulture)
{
    public override Encoding Encoding => Encoding.UTF8;
}
