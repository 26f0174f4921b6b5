using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace BioSirk.Portal.Benchmarks;

/// <summary>One browser-like user: its own connection pool and cookie jar, signed in through the sign-in form.</summary>
public sealed partial class VirtualUser : IDisposable
{
    private VirtualUser(HttpClient http, CookieContainer cookies)
    {
        Http = http;
        Cookies = cookies;
    }

    public HttpClient Http { get; }

    /// <summary>The session cookie after the sign-in, e.g. for a SignalR connection of the same person.</summary>
    public CookieContainer Cookies { get; }

    public static async Task<VirtualUser> SignInAsync(string baseUrl, string email, string password)
    {
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) || !IPAddress.IsLoopback(IPAddress.Parse(uri.Host)))
        {
            throw new InvalidOperationException($"The benchmark only talks to 127.0.0.1, not {baseUrl}.");
        }

        var cookies = new CookieContainer();
        var handler = new SocketsHttpHandler
        {
            UseCookies = true,
            CookieContainer = cookies,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        };
        var http = new HttpClient(handler) { BaseAddress = uri, Timeout = TimeSpan.FromSeconds(60) };
        var user = new VirtualUser(http, cookies);
        var form = await http.GetStringAsync("/logg-inn");
        var token = TokenPattern().Match(form);
        if (!token.Success)
        {
            throw new InvalidOperationException("No antiforgery token on /logg-inn.");
        }

        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
        });
        using var response = await http.PostAsync("/logg-inn", content);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {email} answered {(int)response.StatusCode}, expected 302.");
        }

        return user;
    }

    public void Dispose() => Http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

public sealed record LoadResult(
    string Name, int Users, int RequestsPerUser, int Requests, int Errors, double P50, double P95, double P99, double Mean, double Max,
    double Throughput, double WallSeconds, long Bytes, IReadOnlyDictionary<string, CommandStats.Entry> Commands, CpuUse? Cpu);

/// <summary>
/// Closed-loop load: each user sends its next request as soon as the previous answer has been read in full (or after a
/// think time, when one is given), so without think time <c>users</c> requests are in flight at any moment. Latency is
/// measured at the client, from sending to the last byte of the body (the think time is not part of it).
/// </summary>
public static class LoadRunner
{
    public static async Task<LoadResult> RunAsync(
        string name, IReadOnlyList<VirtualUser> users, int requestsPerUser, Func<int, int, string> url, CommandStats? stats = null,
        int thinkMs = 0, CpuSampler? cpu = null)
    {
        var latencies = new double[users.Count][];
        var errors = 0;
        long bytes = 0;
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        stats?.Start();
        var tasks = users.Select((user, u) => Task.Run(async () =>
        {
            var mine = new double[requestsPerUser];
            var think = new Random(u);
            await start.Task;
            for (var r = 0; r < requestsPerUser; r++)
            {
                if (thinkMs > 0)
                {
                    await Task.Delay(thinkMs / 2 + think.Next(thinkMs + 1)); // 0,5–1,5 × the think time, so users do not march in step
                }

                var began = Stopwatch.GetTimestamp();
                using var response = await user.Http.GetAsync(url(u, r), HttpCompletionOption.ResponseHeadersRead);
                var body = await response.Content.ReadAsByteArrayAsync();
                mine[r] = Stopwatch.GetElapsedTime(began).TotalMilliseconds;
                Interlocked.Add(ref bytes, body.Length);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref errors);
                }
            }

            latencies[u] = mine;
        })).ToArray();

        cpu?.Start();
        var wall = Stopwatch.StartNew();
        start.SetResult();
        await Task.WhenAll(tasks);
        wall.Stop();
        var cpuUse = cpu?.Stop(users.Count * requestsPerUser);
        var commands = stats?.Stop() ?? new Dictionary<string, CommandStats.Entry>();

        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new LoadResult(name, users.Count, requestsPerUser, all.Length, errors,
            Percentile(all, 0.50), Percentile(all, 0.95), Percentile(all, 0.99), all.Average(), all[^1],
            all.Length / wall.Elapsed.TotalSeconds, wall.Elapsed.TotalSeconds, bytes, commands, cpuUse);
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    public static double Percentile(double[] sorted, double p)
    {
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(p * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
