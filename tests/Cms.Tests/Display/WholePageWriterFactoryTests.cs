using System.Text;
using Cms.Display;

namespace Cms.Tests.Display;

/// <summary>
/// Issue 12 point 1: a page's text reaches the response stream in one write (Kestrel sends every write), not one
/// every 16K characters as MVC's own writer does; a page longer than the buffer still arrives whole and in order.
/// </summary>
public sealed class WholePageWriterFactoryTests
{
    [Fact]
    public async Task APageOf40KCharacters_WrittenInSmallPieces_ReachesTheStreamInOneWrite()
    {
        var stream = new CountingStream();
        var page = await WriteAsync(stream, pieces: 2_000, piece: "<p>twenty</p>"); // 2,000 × 13 = 26,000 characters

        Assert.Equal(1, stream.Writes);
        Assert.Equal(page, Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public async Task APageLongerThanTheBuffer_ArrivesWholeAndInOrder()
    {
        var stream = new CountingStream();
        var page = await WriteAsync(stream, pieces: 10_000, piece: "<li>é–</li>");

        Assert.True(stream.Writes > 1);
        Assert.Equal(page, Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static async Task<string> WriteAsync(Stream stream, int pieces, string piece)
    {
        var expected = new StringBuilder();
        await using (var writer = new WholePageWriterFactory().CreateWriter(stream, new UTF8Encoding(false)))
        {
            for (var i = 0; i < pieces; i++)
            {
                await writer.WriteAsync(piece);
                expected.Append(piece);
            }

            await writer.FlushAsync();
        }

        return expected.ToString();
    }

    /// <summary>Counts the writes that reach it, each however it is called.</summary>
    private sealed class CountingStream : Stream
    {
        private readonly MemoryStream _bytes = new();

        public int Writes { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _bytes.Length;

        public override long Position { get => _bytes.Position; set => throw new NotSupportedException(); }

        public byte[] ToArray() => _bytes.ToArray();

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Writes++;
            _bytes.Write(buffer);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Write(buffer.AsSpan(offset, count));
            return Task.CompletedTask;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
