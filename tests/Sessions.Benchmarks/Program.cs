using System.Globalization;

namespace Sessions.Benchmarks;

// Usage:
//   seed --data-dir DIR [--organisations 3000] [--participants 100000] [--observer-quota 40]
//   load --url http://127.0.0.1:5080 [--session-id 1] [--clients 16] [--requests 2000] [--seconds 30]
//        [--pages 40] [--email secretariat-1@bench.sessions] [--password ...]
//   bulk-approve --data-dir DIR [--session-id 1] [--count 1000]
//   queue-notice --data-dir DIR [--session-id 1] [--recipients Both|Participants|FocalPoints]
//   deliver [--count 20000] [--data-dir DIR]
//   live-display [--speakers 300] [--clients 64] [--requests 4000] [--rounds 3] [--only rows,version,state,page]
//   fan-out [--speakers 300] [--clients 500] [--rounds 20]
//   word-count [--iterations 50]
//   report-writer [--rows 100000] [--closedxml] (each case in a fresh child process: bare OpenXmlWriter, StreamedWorkbook, ClosedXML alone)
//   published-statements [--statements 2000] [--clients 16] [--requests 2000] [--rounds 3] [--data-dir DIR (kept, reused)]
//   door [--participants 2000] [--rate 20] [--seconds 30]
//   attendance-report --data-dir DIR (seeded) [--session-id 1] [--meetings 10] (adds meetings, attendance, interventions and statements
//        once; then the report job's writer and a bare OpenXmlWriter over the same rows, each in a fresh child process)
public static class Benchmark
{
    public static async Task<int> Main(string[] args)
    {
        string Option(string name, string fallback)
        {
            var index = Array.IndexOf(args, "--" + name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
        }

        int Number(string name, int fallback) => int.Parse(Option(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

        var command = args.FirstOrDefault();
        switch (command)
        {
            case "seed":
                await new LargeSession(Path.GetFullPath(Option("data-dir", "/tmp/sessions-large")), Number("organisations", 3000), Number("participants", 100_000), Number("observer-quota", 40)).RunAsync();
                return 0;

            case "load":
            {
                var url = new Uri(Option("url", "http://127.0.0.1:5080"));
                LoadDriver.EnsureLoopback(url);
                var sessionId = Number("session-id", 1);
                var clients = Number("clients", 16);
                var driver = new LoadDriver(url, clients, Number("requests", 2000), TimeSpan.FromSeconds(Math.Min(30, Number("seconds", 30))));
                var secretariat = Enumerable.Range(0, clients).Select(_ => driver.NewClient()).ToList();
                foreach (var client in secretariat)
                {
                    await LoadDriver.SignInAsync(client, Option("email", "secretariat-1@bench.sessions"), Option("password", LargeSession.SecretariatPassword));
                }

                var anonymous = Enumerable.Range(0, clients).Select(_ => driver.NewClient()).ToList();
                // Pages spread over the first 40 of each list (the seed gives about 43 of the queue and 45 of the public list).
                var pageCount = Number("pages", 40);
                var random = new Random(7);
                var pages = Enumerable.Range(0, 100_000).Select(_ => 1 + random.Next(pageCount)).ToArray();
                Console.WriteLine(await driver.RunAsync("review queue /registrations/review", secretariat, i => $"/registrations/review?sessionId={sessionId}&page={pages[i % pages.Length]}", warmUp: 50));
                Console.WriteLine(await driver.RunAsync("public list /sessions/{id}/participants", anonymous, i => $"/sessions/{sessionId}/participants?page={pages[i % pages.Length]}", warmUp: 50));
                return 0;
            }

            case "bulk-approve":
                await BulkApproval.RunAsync(Path.GetFullPath(Option("data-dir", "/tmp/sessions-large")), Number("session-id", 1), Number("count", 1000));
                return 0;

            case "queue-notice":
                await QueueNotice.RunAsync(Path.GetFullPath(Option("data-dir", "/tmp/sessions-large")), Number("session-id", 1), Enum.Parse<Sessions.Core.Notices.CampaignRecipients>(Option("recipients", "Both")));
                return 0;

            case "deliver":
                await Deliver.RunAsync(Number("count", 20_000), args.Contains("--data-dir") ? Option("data-dir", "") : null);
                return 0;

            case "live-display":
                await LiveDisplayLoad.RunAsync(Number("speakers", 300), Number("clients", 64), Number("requests", 4000), Number("rounds", 3), Option("only", "rows,version,state,page"));
                return 0;

            case "fan-out":
                await FanOut.RunAsync(Number("speakers", 300), Number("clients", 500), Number("rounds", 20));
                return 0;

            case "word-count":
                WordCountBenchmark.Run(Number("iterations", 50));
                return 0;

            case "door":
                await DoorLoad.RunAsync(Number("participants", 2000), Number("rate", 20), Number("seconds", 30));
                return 0;

            case "published-statements":
                await PublishedStatementsLoad.RunAsync(args.Contains("--data-dir") ? Path.GetFullPath(Option("data-dir", "")) : null, Number("statements", 2000), Number("clients", 16), Number("requests", 2000), Number("rounds", 3));
                return 0;

            case "report-writer":
                await ReportWriterBenchmark.RunAsync(Number("rows", 100_000), args.Contains("--closedxml"));
                return 0;

            case "attendance-report":
                await AttendanceReportBenchmark.RunAsync(Path.GetFullPath(Option("data-dir", "/tmp/sessions-large")), Number("session-id", 1), Number("meetings", 10));
                return 0;

            case AttendanceReportBenchmark.ChildCommand:
                return await AttendanceReportBenchmark.RunCaseAsync(args[1], args[2], int.Parse(args[3], CultureInfo.InvariantCulture));

            case ReportWriterBenchmark.ChildCommand:
                return await ReportWriterBenchmark.RunCaseAsync(args[1], int.Parse(args[2], CultureInfo.InvariantCulture));

            default:
                Console.Error.WriteLine("Commands: seed, load, bulk-approve, queue-notice, deliver, live-display, fan-out, word-count, published-statements, report-writer, door, attendance-report (see tests/Sessions.Benchmarks/Program.cs and docs/benchmarks.md).");
                return 2;
        }
    }
}
