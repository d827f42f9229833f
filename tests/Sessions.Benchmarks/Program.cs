using System.Globalization;

namespace Sessions.Benchmarks;

/// <summary>
/// The benchmark commands. Every command prints its usage with --help, and when a required option is missing or an
/// option is unknown. Nothing is deleted but what --data-dir names (seed replaces the database in it) or a temporary
/// folder the command creates for itself.
/// </summary>
public static partial class Benchmark
{
    private static readonly Dictionary<string, string> _usage = new()
    {
        ["seed"] = "seed --data-dir DIR [--organisations 3000] [--participants 100000] [--observer-quota 40]\n" +
            "    Builds the large session in DIR (created if missing); replaces DIR/sessions.db if there is one.",
        ["load"] = "load [--url http://127.0.0.1:5080] [--session-id 1] [--clients 16] [--requests 2000] [--seconds 30] [--pages 40] [--email secretariat-1@bench.sessions] [--password ...]\n" +
            "    Drives the review queue and the public list of a running app (loopback only).",
        ["bulk-approve"] = "bulk-approve --data-dir DIR [--session-id 1] [--count 1000]\n    Approves delegations of the seeded DIR.",
        ["queue-notice"] = "queue-notice --data-dir DIR [--session-id 1] [--recipients Both|Participants|FocalPoints]\n    Queues a notice on the seeded DIR (changes it: use a copy).",
        ["deliver"] = "deliver [--count 20000] [--data-dir DIR]\n    Queues and delivers notices to an SMTP sink; without --data-dir, in a temporary folder it removes afterwards.",
        ["live-display"] = "live-display [--speakers 300] [--clients 64] [--requests 4000] [--rounds 3] [--only rows,version,state,page]",
        ["fan-out"] = "fan-out [--speakers 300] [--clients 500] [--rounds 20]",
        ["word-count"] = "word-count [--iterations 50]",
        ["report-writer"] = "report-writer [--rows 100000] [--closedxml]\n    Each case in a fresh child process: bare OpenXmlWriter, StreamedWorkbook, ClosedXML alone.",
        ["published-statements"] = "published-statements [--statements 2000] [--clients 16] [--requests 2000] [--rounds 3] [--data-dir DIR (kept, reused)]",
        ["public-documents"] = "public-documents [--documents 500] [--clients 16] [--requests 2000] [--rounds 3] [--data-dir DIR (kept, reused)]",
        ["door"] = "door [--participants 2000] [--rate 20] [--seconds 30] [--photos]\n    With --photos every participant has a grounds-pass photo, and a read counts until the photo shown has arrived.",
        ["photo"] = "photo [--iterations 20]\n    A 12-megapixel JPEG through the grounds-pass photo processing: time and peak memory per photo, each case in a fresh child process.",
        ["attendance-report"] = "attendance-report --data-dir DIR [--session-id 1] [--meetings 10]\n" +
            "    On a seeded DIR: adds meetings, attendance, interventions and statements once; then the report job's writer and a bare OpenXmlWriter over the same rows, each in a fresh child process.",
        ["documents"] = "documents [--documents 500] [--data-dir DIR (kept, reused)]\n" +
            "    A session of DOCUMENTS × 6 languages (and one of a tenth of them): the documents ZIP job and writer, each in a fresh child process (the page under load is public-documents).",
    };

    private static readonly Dictionary<string, string[]> _required = new()
    {
        ["seed"] = ["data-dir"],
        ["bulk-approve"] = ["data-dir"],
        ["queue-notice"] = ["data-dir"],
        ["attendance-report"] = ["data-dir"],
    };

    public static async Task<int> Main(string[] args)
    {
        string Option(string name, string fallback)
        {
            var index = Array.IndexOf(args, "--" + name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
        }

        int Number(string name, int fallback) => int.Parse(Option(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

        if (Usage(args) is { } exitCode)
        {
            return exitCode;
        }

        var command = args.FirstOrDefault();
        switch (command)
        {
            case "seed":
                await new LargeSession(Path.GetFullPath(Option("data-dir", "")), Number("organisations", 3000), Number("participants", 100_000), Number("observer-quota", 40)).RunAsync();
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
                await BulkApproval.RunAsync(Path.GetFullPath(Option("data-dir", "")), Number("session-id", 1), Number("count", 1000));
                return 0;

            case "queue-notice":
                await QueueNotice.RunAsync(Path.GetFullPath(Option("data-dir", "")), Number("session-id", 1), Enum.Parse<Sessions.Core.Notices.CampaignRecipients>(Option("recipients", "Both")));
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

            case "photo":
                await PhotoProcessing.RunAsync(Number("iterations", 20));
                return 0;

            case PhotoProcessing.ChildCommand:
                return PhotoProcessing.RunCase(args[1], args[2], int.Parse(args[3], CultureInfo.InvariantCulture));

            case "door":
                await DoorLoad.RunAsync(Number("participants", 2000), Number("rate", 20), Number("seconds", 30), args.Contains("--photos"));
                return 0;

            case "public-documents":
                await PublicDocumentsLoad.RunAsync(args.Contains("--data-dir") ? Path.GetFullPath(Option("data-dir", "")) : null, Number("documents", 500), Number("clients", 16), Number("requests", 2000), Number("rounds", 3));
                return 0;

            case "published-statements":
                await PublishedStatementsLoad.RunAsync(args.Contains("--data-dir") ? Path.GetFullPath(Option("data-dir", "")) : null, Number("statements", 2000), Number("clients", 16), Number("requests", 2000), Number("rounds", 3));
                return 0;

            case "report-writer":
                await ReportWriterBenchmark.RunAsync(Number("rows", 100_000), args.Contains("--closedxml"));
                return 0;

            case "attendance-report":
                await AttendanceReportBenchmark.RunAsync(Path.GetFullPath(Option("data-dir", "")), Number("session-id", 1), Number("meetings", 10));
                return 0;

            case "documents":
                await SessionDocumentsBenchmark.RunAsync(args.Contains("--data-dir") ? Path.GetFullPath(Option("data-dir", "")) : null, Number("documents", 500));
                return 0;

            case SessionDocumentsBenchmark.ChildCommand:
                return await SessionDocumentsBenchmark.RunCaseAsync(args[1], args[2]);

            case AttendanceReportBenchmark.ChildCommand:
                return await AttendanceReportBenchmark.RunCaseAsync(args[1], args[2], int.Parse(args[3], CultureInfo.InvariantCulture));

            case ReportWriterBenchmark.ChildCommand:
                return await ReportWriterBenchmark.RunCaseAsync(args[1], int.Parse(args[2], CultureInfo.InvariantCulture));

            default:
                return 2;
        }
    }

    /// <summary>The exit code when the arguments ask for the usage or do not make a command; null when the command may run.</summary>
    private static int? Usage(string[] args)
    {
        var command = args.FirstOrDefault();
        if (command is AttendanceReportBenchmark.ChildCommand or ReportWriterBenchmark.ChildCommand or PhotoProcessing.ChildCommand or SessionDocumentsBenchmark.ChildCommand)
        {
            return null;
        }

        if (command is null or "--help" or "-h" or "help" || !_usage.TryGetValue(command, out var usage))
        {
            var known = command is null or "--help" or "-h" or "help";
            (known ? Console.Out : Console.Error).WriteLine(
                (known ? "" : $"Unknown command '{command}'.\n") +
                "Usage: Sessions.Benchmarks COMMAND [options]   (COMMAND --help for one command; see docs/benchmarks.md)\n\n" +
                string.Join("\n", _usage.Values.Select(u => "  " + u.Replace("\n", "\n  ", StringComparison.Ordinal))));
            return command is "--help" or "-h" or "help" ? 0 : 2;
        }

        if (args.Contains("--help") || args.Contains("-h"))
        {
            Console.WriteLine("Usage: " + usage);
            return 0;
        }

        var allowed = OptionNames().Matches(usage.Split('\n')[0]).Select(m => m.Groups[1].Value).ToHashSet();
        var unknown = args.Skip(1).Where(a => a.StartsWith("--", StringComparison.Ordinal) && !allowed.Contains(a[2..])).ToList();
        var missing = _required.GetValueOrDefault(command, []).Where(name => Array.IndexOf(args, "--" + name) is var i && (i < 0 || i + 1 >= args.Length)).ToList();
        if (unknown.Count == 0 && missing.Count == 0)
        {
            return null;
        }

        Console.Error.WriteLine(string.Join("\n", unknown.Select(u => $"Unknown option {u}.").Concat(missing.Select(m => $"--{m} is required."))));
        Console.Error.WriteLine("Usage: " + usage);
        return 2;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"--([a-z-]+)")]
    private static partial System.Text.RegularExpressions.Regex OptionNames();
}
