using System.Diagnostics;
using System.Text.Json.Nodes;
using Site.Tests.Deployers;

namespace Site.Tests.Bench;

/// <summary>
/// The parts of bench/run.sh that a change elsewhere can break without anyone running the bench:
/// its recipes must still import through the CLI, and its reading of wrk's output and of a cookie
/// jar must stay right. (The bench itself runs as `QUICK=1 bash bench/run.sh`.)
/// </summary>
public sealed class BenchScriptTests
{
    [Fact]
    public async Task GeneratedPosts_ImportThroughTheCli_OntoASiteWithTheBenchCommentingRecipe()
    {
        await using var site = new CliSite();
        await site.SetUpAsync();

        var commenting = await site.RunAsync("recipes", "apply", Path.Combine(BenchFolder(), "recipes", "bench-commenting.recipe.json"));
        var first = await site.RunAsync("recipes", "apply", site.WriteRecipe(await GeneratePostsAsync(1, 12)));
        var more = await site.RunAsync("recipes", "apply", site.WriteRecipe(await GeneratePostsAsync(13, 8)));

        Assert.True(commenting.ExitCode == 0, commenting.ToString());
        Assert.Contains("setting: CommentSettings", commenting.Out, StringComparison.Ordinal);
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal(12, CreatedItems(first.Out));
        Assert.True(more.ExitCode == 0, more.ToString());
        Assert.Equal(8, CreatedItems(more.Out));
    }

    [Fact]
    public async Task GeneratedPosts_FallInTheSameSixMonths_AndAllCarryTheBenchTag_WhateverTheirNumber()
    {
        var items = JsonNode.Parse(await GeneratePostsAsync(1, 600))!["steps"]![0]!["Data"]!.AsArray();

        var months = items.Select(i => i!["PublishedUtc"]!.GetValue<string>()[..7]).Distinct().Order().ToArray();
        Assert.Equal(["2021-01", "2021-02", "2021-03", "2021-04", "2021-05", "2021-06"], months);
        Assert.All(items, i => Assert.Contains("Bench", i!["TagsPart"]!["Tags"]!.AsArray().Select(t => t!.GetValue<string>())));
        Assert.Equal(600, items.Select(i => i!["AutoroutePart"]!["Path"]!.GetValue<string>()).Distinct().Count());
    }

    [Fact]
    public async Task GeneratedPosts_EachMakeAForecast_SomeResolved_AllWithAProbability()
    {
        var items = JsonNode.Parse(await GeneratePostsAsync(1, 300))!["steps"]![0]!["Data"]!.AsArray();

        var forecasts = items.Select(i => Assert.Single(i!["ForecastPart"]!["Forecasts"]!.AsArray())!).ToList();
        Assert.Equal(300, forecasts.Select(f => f["Id"]!.GetValue<string>()).Distinct().Count());
        Assert.All(forecasts, f => Assert.Equal(26, f["Id"]!.GetValue<string>().Length));
        Assert.All(forecasts, f => Assert.InRange(f["Probability"]!.GetValue<int>(), 0, 100));
        var outcomes = forecasts.GroupBy(f => f["Outcome"]?.GetValue<string>() ?? "open").ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new Dictionary<string, int> { ["open"] = 100, ["Happened"] = 100, ["DidNotHappen"] = 100 }, outcomes);
        Assert.All(forecasts.Where(f => f["Outcome"] is not null), f => Assert.NotNull(f["ResolvedUtc"]));
    }

    [Fact]
    public async Task ParseWrk_ReadsRateLatenciesErrorsAndRequests()
    {
        var output = """
            Running 5s test @ http://127.0.0.1:5391/
              2 threads and 64 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency     2.10ms    1.00ms  40.00ms   90.00%
              Latency Distribution
                 50%    1.50ms
                 75%    2.00ms
                 90%    3.00ms
                 99%    1.20s
              12345 requests in 5.00s, 100.00MB read
              Socket errors: connect 1, read 2, write 0, timeout 3
              Non-2xx or 3xx responses: 4
            Requests/sec:   2469.00
            Transfer/sec:     20.00MB
            """;

        var parsed = await BashAsync("parse_wrk \"$1\"", "wrk.sh", output);

        Assert.Equal("2469.00 1.50 1200 10 12345", parsed.Trim());
    }

    [Fact]
    public async Task CookieHeader_SendsEveryCookieOfTheJar_HttpOnlyOnesToo()
    {
        var jar = "# Netscape HTTP Cookie File\n\n"
            + "#HttpOnly_127.0.0.1\tFALSE\t/\tFALSE\t0\tcms_auth\tAUTH-VALUE\n"
            + "127.0.0.1\tFALSE\t/\tFALSE\t0\tcms_af\tAF-VALUE\n";

        var header = await BashAsync("cookie_header \"$1\"", "common.sh", jar);

        Assert.Equal("cms_auth=AUTH-VALUE; cms_af=AF-VALUE", header.Trim());
    }

    [Fact]
    public async Task StartupProbe_WaitsForTheListener_AndTimesTheWhole200_NotAnEarlierAnswer()
    {
        var port = FreePort();
        var requests = new List<string>();
        var pageSentMs = 0L;
        var server = Task.Run(async () =>
        {
            // Not listening for the first 400 ms (a start); then a 503, then a 200 whose body comes 200 ms after its headers.
            await Task.Delay(400);
            using var late = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, port);
            late.Start();
            foreach (var (head, bodyDelay) in new[] { ("HTTP/1.1 503 Service Unavailable", 0), ("HTTP/1.1 200 OK", 200) })
            {
                using var client = await late.AcceptTcpClientAsync();
                var stream = client.GetStream();
                // The whole request, to its blank line: bash's printf may hand it to the socket in more than one write.
                var request = new System.Text.StringBuilder();
                var buffer = new byte[1024];
                while (!request.ToString().Contains("\r\n\r\n", StringComparison.Ordinal) && await stream.ReadAsync(buffer) is > 0 and var read)
                {
                    request.Append(System.Text.Encoding.ASCII.GetString(buffer, 0, read));
                }

                requests.Add(request.ToString());
                await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(head + "\r\nConnection: close\r\n\r\n"));
                await Task.Delay(bodyDelay);
                try
                {
                    await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes("<html>the page</html>\n"));
                    pageSentMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                }
                catch (IOException) when (bodyDelay == 0)
                {
                    // The probe hangs up on an answer other than 200 as soon as it has read the status.
                }
            }
        });

        var probe = await RunAsync("bash", ["-c",
            $". \"{Path.Combine(BenchFolder(), "lib", "common.sh")}\"; start=$(now_ms); wait_first_answer {port} $$ \"$start\" 20; echo \"$? $start $FIRST_ANSWER_MS\""]);
        await server;

        var result = probe.Trim().Split(' ');
        Assert.Equal("0", result[0]);
        // The time is taken once the page has come whole, after the 503 and after the 200's headers (1 ms: the probe's clock rounds down).
        var answeredMs = long.Parse(result[1], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(result[2], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(answeredMs, pageSentMs - 1, pageSentMs + 5_000);
        Assert.Equal(2, requests.Count);
        Assert.All(requests, r => Assert.StartsWith("GET / HTTP/1.1\r\nHost: 127.0.0.1:", r, StringComparison.Ordinal));
    }

    [Fact]
    public async Task StartupProbe_GivesUp_WhenTheSiteHasExited()
    {
        var port = FreePort();

        var probe = await RunAsync("bash", ["-c",
            $". \"{Path.Combine(BenchFolder(), "lib", "common.sh")}\"; true & gone=$!; wait $gone; wait_first_answer {port} $gone \"$(now_ms)\" 20; echo $?"]);

        Assert.Equal("1", probe.Trim());
    }

    /// <summary>A loopback port nothing listens on (asked of the system, then let go).</summary>
    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static int CreatedItems(string report) => report.Split('\n').Count(l => l.Contains("content item created: NewsCommentary", StringComparison.Ordinal));

    private static async Task<string> GeneratePostsAsync(int first, int count)
        => await RunAsync("awk", ["-v", $"first={first}", "-v", $"count={count}", "-f", Path.Combine(BenchFolder(), "lib", "posts.awk")]);

    /// <summary>Sources one of bench/lib's files in bash and runs a command with a temporary file holding <paramref name="input"/> as $1.</summary>
    private static async Task<string> BashAsync(string command, string library, string input)
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, input);
            return await RunAsync("bash", ["-c", $". \"{Path.Combine(BenchFolder(), "lib", library)}\"; {command}", "bench-test", file]);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<string> RunAsync(string program, string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{program} exited {process.ExitCode}: {await error}");
        return await output;
    }

    private static string BenchFolder()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Site.sln")))
        {
            folder = folder.Parent;
        }

        return Path.Combine(folder!.FullName, "bench");
    }
}
