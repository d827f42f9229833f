namespace Sessions.Benchmarks;

/// <summary>
/// The public live display of a list of <c>speakers</c> under load: <c>clients</c> anonymous closed-loop clients on
/// loopback, in one run, against the baseline (the same rows as JSON, no view), the state endpoint and the page.
/// </summary>
public static class LiveDisplayLoad
{
    public static async Task RunAsync(int speakers, int clients, int requests, int rounds, string only)
    {
        await using var host = await LiveDisplayHost.StartAsync(speakers);
        var driver = new LoadDriver(host.BaseAddress, clients, requests, TimeSpan.FromSeconds(30));
        var pool = Enumerable.Range(0, clients).Select(_ =>
        {
            var client = driver.NewClient();
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");
            return client;
        }).ToList();
        var scenarios = new (string Name, string Url)[]
        {
            ("baseline: the rows of a first read as JSON, no view", $"/benchmark/speakers/{host.ListId}/rows"),
            ("baseline: the version probe of a kept read as JSON, no view", $"/benchmark/speakers/{host.ListId}/version"),
            ("state /speakers/{id}/live/state", $"/speakers/{host.ListId}/live/state"),
            ("page /speakers/{id}/live", $"/speakers/{host.ListId}/live"),
        };
        Console.WriteLine($"live-display: {speakers} speakers, {clients} clients, {requests} requests per scenario, {rounds} rounds, {Environment.ProcessorCount} cores");
        // --only rows,version,state,page runs some of them (the summary needs both baselines).
        scenarios = scenarios.Where((_, i) => only.Split(',').Contains(new[] { "rows", "version", "state", "page" }[i])).ToArray();
        var results = scenarios.ToDictionary(s => s.Name, _ => new List<LoadDriver.Result>());
        for (var round = 1; round <= rounds; round++)
        {
            foreach (var (name, url) in scenarios)
            {
                var process = System.Diagnostics.Process.GetCurrentProcess();
                var cpuBefore = process.TotalProcessorTime;
                var result = await driver.RunAsync(name, pool, _ => url, warmUp: 200);
                process.Refresh();
                var cpuPerRequest = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds / (result.Requests + 200);
                results[name].Add(result);
                Console.WriteLine($"  round {round}: {result}; {cpuPerRequest:F2} ms CPU per request (server and load driver together)");
            }
        }

        double Rps(LoadDriver.Result r) => r.Requests / r.Elapsed.TotalSeconds;
        var baseline = results.Keys.Any(k => k.Contains("first read")) ? results.First(r => r.Key.Contains("first read")).Value.Select(Rps).Average() : double.NaN;
        var probe = results.Keys.Any(k => k.Contains("version probe")) ? results.First(r => r.Key.Contains("version probe")).Value.Select(Rps).Average() : double.NaN;
        Console.WriteLine("summary (mean of rounds):");
        foreach (var (name, _) in scenarios)
        {
            var rps = results[name].Select(Rps).Average();
            Console.WriteLine($"  {name}: {rps:F0} req/s ({rps / baseline:P0} of the first-read baseline, {rps / probe:P0} of the version-probe baseline), p99 {results[name].Select(r => r.P99).Average():F1} ms (worst round {results[name].Max(r => r.P99):F1} ms)");
        }
    }
}
