using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace Sessions.Benchmarks;

/// <summary>
/// A small closed-loop load driver: N concurrent clients on loopback, each sending its next request as soon
/// as the last one is answered, a warm-up first, then a fixed number of requests (or a time limit).
/// </summary>
public sealed partial class LoadDriver(Uri baseAddress, int clients, int requests, TimeSpan limit)
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    public static void EnsureLoopback(Uri baseAddress)
    {
        if (!baseAddress.IsLoopback)
        {
            throw new ArgumentException($"The load driver only talks to loopback addresses, not {baseAddress}.");
        }
    }

    /// <summary>A client that keeps its own cookies, as one browser does.</summary>
    public HttpClient NewClient() =>
        new(new SocketsHttpHandler { CookieContainer = new CookieContainer(), UseCookies = true, AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };

    /// <summary>The antiforgery token of the form on the page at <paramref name="url"/>.</summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string url) =>
        WebUtility.HtmlDecode(AntiforgeryField().Match(await client.GetStringAsync(url)).Groups[1].Value);

    /// <summary>Signs in through the form, as a person does: GET the form for its antiforgery token, then POST.</summary>
    public static async Task SignInAsync(HttpClient client, string email, string password)
    {
        var token = await AntiforgeryTokenAsync(client, "/account/sign-in");
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        });
        using var response = await client.PostAsync("/account/sign-in", content);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {email} answered {(int)response.StatusCode}, not a redirect: check the password and Security__SignInPermitsPerMinute.");
        }
    }

    /// <summary>Runs the scenario; <paramref name="nextUrl"/> gives the URL of request number i.</summary>
    public async Task<Result> RunAsync(string name, IReadOnlyList<HttpClient> pool, Func<int, string> nextUrl, int warmUp)
    {
        for (var i = 0; i < warmUp; i++)
        {
            using var response = await pool[i % pool.Count].GetAsync(nextUrl(i));
            await response.Content.ReadAsByteArrayAsync();
        }

        var latencies = new List<double>(requests);
        var failures = 0;
        long bytes = 0;
        var issued = -1;
        var total = Stopwatch.StartNew();
        using var deadline = new CancellationTokenSource(limit);
        var lockObject = new object();
        var workers = Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var client = pool[c % pool.Count];
            while (!deadline.IsCancellationRequested)
            {
                var i = Interlocked.Increment(ref issued);
                if (i >= requests)
                {
                    break;
                }

                var watch = Stopwatch.StartNew();
                using var response = await client.GetAsync(nextUrl(warmUp + i));
                var body = await response.Content.ReadAsByteArrayAsync();
                var elapsed = watch.Elapsed.TotalMilliseconds;
                lock (lockObject)
                {
                    latencies.Add(elapsed);
                    bytes += body.Length;
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        failures++;
                    }
                }
            }
        })).ToArray();
        await Task.WhenAll(workers);
        total.Stop();
        latencies.Sort();
        return new Result(name, latencies.Count, failures, total.Elapsed, Percentile(latencies, 0.50), Percentile(latencies, 0.95), Percentile(latencies, 0.99), latencies.Count == 0 ? 0 : latencies[^1], bytes / Math.Max(1, latencies.Count));
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    public sealed record Result(string Name, int Requests, int Failures, TimeSpan Elapsed, double P50, double P95, double P99, double Max, long BytesPerPage)
    {
        public override string ToString() =>
            $"{Name}: {Requests} requests in {Elapsed.TotalSeconds:F1} s = {Requests / Elapsed.TotalSeconds:F0} req/s; p50 {P50:F1} ms, p95 {P95:F1} ms, p99 {P99:F1} ms, max {Max:F1} ms; non-200: {Failures}; {BytesPerPage / 1024} KiB per page";
    }
}
