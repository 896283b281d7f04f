using System.Buffers;
using System.Text;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace Cms.Display;

/// <summary>
/// The writer MVC renders a view's text into: a buffer of <see cref="BufferChars"/> characters instead of MVC's 16K, so
/// a whole page (20-50 KB) reaches the response in one write, one send and one chunk, instead of one every 16K. Kestrel
/// flushes every write of the response stream to the socket: the sends were a tenth of a cache miss's CPU in the
/// profile (bench/README.md, "Fifth pass"). Both buffers come from the shared array pools, as MVC's own do.
/// </summary>
public sealed class WholePageWriterFactory : IHttpResponseStreamWriterFactory
{
    public const int BufferChars = 64 * 1024;

    public TextWriter CreateWriter(Stream stream, Encoding encoding)
        => new HttpResponseStreamWriter(stream, encoding, BufferChars, ArrayPool<byte>.Shared, ArrayPool<char>.Shared);
}
