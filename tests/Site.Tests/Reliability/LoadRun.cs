using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Site.Tests.Infrastructure;

namespace Site.Tests.Reliability;

/// <summary>
/// Members posting comments and anonymous readers reading, at once, against a running site, until the
/// time is up or <see cref="Stop"/>. Each comment carries a token of its own, so the database can be asked
/// afterwards which comments are stored and how often. A member waits the comment rate limit between posts
/// (and Retry-After on 429), as a fast member would.
/// </summary>
public sealed class LoadRun(Uri site, string postPath, string postId, IReadOnlyList<MemberLogin> members, int readers, TimeSpan pace)
{
    private static readonly string[] s_readerPages = ["/", "{post}", "/archive", "/tags", "/search?q=meeting", "/rss.xml", "{post}", "/"];
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, int> _statuses = new();
    private readonly ConcurrentBag<double> _postMilliseconds = [];
    private readonly ConcurrentBag<double> _readMilliseconds = [];
    private readonly ConcurrentBag<string> _problems = [];

    public string RunId { get; } = "run" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>Tokens of the comments whose POST was answered "posted" (a redirect to the comment).</summary>
    public ConcurrentBag<string> Acknowledged { get; } = [];

    /// <summary>Tokens of comments sent whose answer never came (connection refused or cut: the site was killed or stopped).</summary>
    public ConcurrentBag<string> Unanswered { get; } = [];

    /// <summary>Bodies of answers with status 5xx, to show what a reader saw.</summary>
    public ConcurrentBag<(int Status, string? RetryAfter, string Body)> ServerErrors { get; } = [];

    public IReadOnlyDictionary<string, int> Statuses => _statuses;

    /// <summary>What went wrong that no status shows (an acknowledgement without the comment's anchor, say).</summary>
    public IReadOnlyCollection<string> Problems => _problems;

    public int Count(string key) => _statuses.TryGetValue(key, out var n) ? n : 0;

    public void Stop() => _stop.Cancel();

    private (HttpClient Client, string Token)[]? _members;

    /// <summary>Signs every member in (also done by <see cref="RunAsync"/> if not done before).</summary>
    public async Task SignInAsync() => _members ??= await Task.WhenAll(members.Select(SignInAsync));

    /// <summary>Runs the load for <paramref name="duration"/> (or until stopped), with <paramref name="duringLoad"/> beside it.</summary>
    public async Task RunAsync(TimeSpan duration, Func<Task>? duringLoad = null)
    {
        await SignInAsync();
        var clients = _members!;
        _stop.CancelAfter(duration);
        var work = clients.Select((c, i) => MemberLoopAsync(c.Client, c.Token, members[i].UserName))
            .Concat(Enumerable.Range(0, readers).Select(ReaderLoopAsync))
            .ToList();
        if (duringLoad is not null)
        {
            work.Add(duringLoad());
        }

        await Task.WhenAll(work);
        foreach (var (client, _) in clients)
        {
            client.Dispose();
        }
    }

    /// <summary>The figures, one line: acknowledged, unanswered, statuses, p50 and p99 of posting and reading.</summary>
    public string Figures(int stored)
        => $"{members.Count} members, {readers} readers: comments acknowledged {Acknowledged.Count}, stored {stored}, unanswered {Unanswered.Count}; "
            + $"posting p50 {Percentile(_postMilliseconds, 50):0} ms, p99 {Percentile(_postMilliseconds, 99):0} ms; "
            + $"reading {_readMilliseconds.Count} pages, p50 {Percentile(_readMilliseconds, 50):0} ms, p99 {Percentile(_readMilliseconds, 99):0} ms; "
            + "answers: " + string.Join(", ", _statuses.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key} ×{s.Value}"));

    public static double Percentile(IEnumerable<double> values, int percentile)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1)];
    }

    private async Task<(HttpClient Client, string Token)> SignInAsync(MemberLogin member)
    {
        var client = NewClient();
        var response = await Accounts.SignInAsync(client, member.UserName, member.Password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{member.UserName} could not sign in: {(int)response.StatusCode}");
        var (_, page) = await Html.GetAsync(client, postPath);
        return (client, Html.AntiforgeryToken(page));
    }

    private async Task MemberLoopAsync(HttpClient client, string antiforgery, string userName)
    {
        var n = 0;
        while (!_stop.IsCancellationRequested)
        {
            var token = $"{RunId}-{userName}-{++n}";
            var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = antiforgery,
                ["Text"] = $"Comment {token}: the quote says more than the headline does.",
            });
            var clock = Stopwatch.StartNew();
            HttpResponseMessage response;
            try
            {
                response = await client.PostAsync($"/comments/{postId}", form);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                Unanswered.Add(token);
                Tally("post: no answer");
                await PauseAsync(TimeSpan.FromMilliseconds(200));
                continue;
            }

            _postMilliseconds.Add(clock.Elapsed.TotalMilliseconds);
            var status = (int)response.StatusCode;
            Tally($"post {status}");
            var wait = pace;
            if (status == 302)
            {
                if (response.Headers.Location?.OriginalString.Contains("#comment-", StringComparison.Ordinal) == true)
                {
                    Acknowledged.Add(token);
                }
                else
                {
                    _problems.Add($"{token}: redirected to {response.Headers.Location}");
                }
            }
            else if (status == 429 && response.Headers.RetryAfter?.Delta is { } retry)
            {
                wait = retry;
            }
            else
            {
                await KeepAsync(response);
            }

            response.Dispose();
            await PauseAsync(wait);
        }
    }

    private async Task ReaderLoopAsync(int reader)
    {
        using var client = NewClient();
        var i = reader;
        while (!_stop.IsCancellationRequested)
        {
            var path = s_readerPages[i++ % s_readerPages.Length].Replace("{post}", postPath, StringComparison.Ordinal);
            var clock = Stopwatch.StartNew();
            try
            {
                using var response = await client.GetAsync(path);
                await response.Content.ReadAsByteArrayAsync();
                _readMilliseconds.Add(clock.Elapsed.TotalMilliseconds);
                Tally($"read {(int)response.StatusCode}");
                await KeepAsync(response);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                Tally("read: no answer");
                await PauseAsync(TimeSpan.FromMilliseconds(200));
            }
        }
    }

    private async Task KeepAsync(HttpResponseMessage response)
    {
        if ((int)response.StatusCode >= 500 && ServerErrors.Count < 20)
        {
            ServerErrors.Add(((int)response.StatusCode, response.Headers.RetryAfter?.ToString(), await response.Content.ReadAsStringAsync()));
        }
    }

    private void Tally(string key) => _statuses.AddOrUpdate(key, 1, (_, n) => n + 1);

    private async Task PauseAsync(TimeSpan wait)
    {
        try
        {
            await Task.Delay(wait, _stop.Token);
        }
        catch (OperationCanceledException)
        {
            // The run is over.
        }
    }

    private HttpClient NewClient() => new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
    {
        BaseAddress = site,
        Timeout = TimeSpan.FromSeconds(60),
    };
}

public sealed record MemberLogin(string UserName, string Password);
