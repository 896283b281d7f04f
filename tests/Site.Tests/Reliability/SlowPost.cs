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

    /// <summary>Signs the member in, then sends the POST up to half its body; returns once the site reads it and that half is on the wire.</summary>
    public static async Task<SlowPost> StartAsync(Uri site, MemberLogin member, string postPath, string postId)
    {
        // Expect: 100-continue holds the body back until the site's code starts reading it (Kestrel answers
        // 100 Continue on the first read), so "half is on the wire" means the request is in the site's hands,
        // not waiting in the listen queue, where a stop would rightly drop it on a loaded machine.
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer(), Expect100ContinueTimeout = TimeSpan.FromMinutes(1) };
        var client = new HttpClient(handler) { BaseAddress = site, Timeout = TimeSpan.FromMinutes(2) };
        Assert.Equal(HttpStatusCode.Redirect, (await Accounts.SignInAsync(client, member.UserName, member.Password)).StatusCode);
        var (_, page) = await Html.GetAsync(client, postPath);
        var slow = new SlowPost(client);
        var body = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Html.AntiforgeryToken(page),
            ["Text"] = $"Comment {slow.Token}: sent slowly, while the site stops.",
        });
        var bytes = await body.ReadAsByteArrayAsync();
        var content = new HalvedContent(bytes, slow._halfSent, slow._rest.Task);
        content.Headers.ContentType = body.Headers.ContentType;
        var request = new HttpRequestMessage(HttpMethod.Post, $"/comments/{postId}") { Content = content };
        request.Headers.ExpectContinue = true;
        slow.Response = client.SendAsync(request);
        await slow._halfSent.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return slow;
    }

    public void Finish() => _rest.TrySetResult();

    public void Dispose() => _client.Dispose();

    /// <summary>Sends the first half and flushes it to the socket (headers with it), then the rest only when told.</summary>
    private sealed class HalvedContent(byte[] bytes, TaskCompletionSource halfSent, Task rest) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context)
            => SerializeToStreamAsync(stream, context, CancellationToken.None);

        /// <summary>Cancelled when the connection dies (the site stopped), so a send that waits never holds the request up.</summary>
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            var half = bytes.Length / 2;
            await stream.WriteAsync(bytes.AsMemory(0, half), cancellationToken);
            await stream.FlushAsync(cancellationToken);
            halfSent.TrySetResult();
            await rest.WaitAsync(cancellationToken);
            await stream.WriteAsync(bytes.AsMemory(half), cancellationToken);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = bytes.Length;
            return true;
        }
    }
}
