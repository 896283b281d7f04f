using System.Net;
using Site.Tests.Infrastructure;

namespace Site.Tests.Reliability;

/// <summary>
/// A comment POST that is in flight on purpose: its headers and half its body are sent, the rest waits for
/// <see cref="Finish"/>. So a test can stop the site while a request is certainly under way.
/// </summary>
public sealed class SlowPost : IDisposable
{
    private readonly HttpClient _client;
    private readonly TaskCompletionSource _rest = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _halfSent = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private SlowPost(HttpClient client) => _client = client;

    public Task<HttpResponseMessage> Response { get; private set; } = null!;

    public string Token { get; } = "slow" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>Signs the member in, then sends the POST up to half its body; returns once that half is on the wire.</summary>
    public static async Task<SlowPost> StartAsync(Uri site, MemberLogin member, string postPath, string postId)
    {
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = site, Timeout = TimeSpan.FromMinutes(2) };
        Assert.Equal(HttpStatusCode.Redirect, (await Accounts.SignInAsync(client, member.UserName, member.Password)).StatusCode);
        var (_, page) = await Html.GetAsync(client, postPath);
        var slow = new SlowPost(client);
        var body = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Html.AntiforgeryToken(page),
            ["Text"] = $"Comment {slow.Token}: sent slowly, while the site stops.",
        });
        var bytes = await body.ReadAsByteArrayAsync();
        var content = new StreamContent(new HalvedStream(bytes, slow._halfSent, slow._rest.Task));
        content.Headers.ContentType = body.Headers.ContentType;
        content.Headers.ContentLength = bytes.Length;
        slow.Response = client.PostAsync($"/comments/{postId}", content);
        await slow._halfSent.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return slow;
    }

    public void Finish() => _rest.TrySetResult();

    public void Dispose() => _client.Dispose();

    /// <summary>Reads out the first half at once, then the rest only when told.</summary>
    private sealed class HalvedStream(byte[] bytes, TaskCompletionSource halfSent, Task rest) : Stream
    {
        private int _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => bytes.Length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var half = bytes.Length / 2;
            if (_position == half)
            {
                halfSent.TrySetResult();
                await rest.WaitAsync(cancellationToken);
            }

            var end = _position < half ? half : bytes.Length;
            var count = Math.Min(buffer.Length, end - _position);
            bytes.AsMemory(_position, count).CopyTo(buffer);
            _position += count;
            return count;
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
