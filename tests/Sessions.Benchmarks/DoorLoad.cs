using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Accounts;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Files;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;
using Sessions.Core.Sessions;

namespace Sessions.Benchmarks;

/// <summary>
/// One door of a meeting in progress: badges read at a steady <c>rate</c> per second (an open loop: a read does not
/// wait for the one before) for <c>seconds</c>, each a different participant of <c>participants</c>, through the real
/// form over Kestrel on loopback, signed in as the secretariat. Prints the latency percentiles and the outcomes.
/// With <c>photos</c>, every participant has a grounds-pass photo (600 × 800, stored as uploads are) and a read lasts
/// until the photo the door shows has arrived, as a browser would show it: read to screen.
/// </summary>
public static class DoorLoad
{
    private const string Password = "bench-entrance-officer-password";

    public static async Task RunAsync(int participants, int rate, int seconds, bool photos = false)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "sessions-door-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        try
        {
            await using var host = new BenchmarkHost(dataDirectory, jobServer: false);
            host.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
            host.StartServer();
            var baseAddress = new Uri(host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
            var (sessionId, meetingId, tokens) = await SeedAsync(host.Services, participants, photos);

            var driver = new LoadDriver(baseAddress, 1, 1, TimeSpan.FromSeconds(seconds));
            var door = driver.NewClient();
            await LoadDriver.SignInAsync(door, "door@bench.sessions", Password);
            var url = $"/sessions/manage/{sessionId}/check-in";
            var antiforgery = await LoadDriver.AntiforgeryTokenAsync(door, url);

            async Task<(double Milliseconds, string Outcome)> ReadAsync(string token)
            {
                var watch = Stopwatch.StartNew();
                using var content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["meetingId"] = meetingId.ToString(CultureInfo.InvariantCulture),
                    ["code"] = $"http://127.0.0.1:5080/badges/{token}",
                    ["__RequestVerificationToken"] = antiforgery,
                });
                using var response = await door.PostAsync(url, content);
                var page = await response.Content.ReadAsStringAsync();
                var outcome = response.StatusCode != HttpStatusCode.OK ? $"HTTP {(int)response.StatusCode}"
                    : page.Contains("data-outcome=\"Recorded\"", StringComparison.Ordinal) ? "recorded"
                    : page.Contains("data-outcome=\"AlreadyPresent\"", StringComparison.Ordinal) ? "already present" : "other";
                if (photos)
                {
                    var photo = System.Text.RegularExpressions.Regex.Match(page, "src=\"(/badges/[0-9a-f]{40}/photo\\.jpg)\"[^>]*data-role=\"holder-photo\"");
                    if (!photo.Success)
                    {
                        outcome += " without photo";
                    }
                    else
                    {
                        using var image = await door.GetAsync(photo.Groups[1].Value);
                        var bytes = await image.Content.ReadAsByteArrayAsync();
                        outcome += image.StatusCode == HttpStatusCode.OK && bytes.Length > 0 ? " with photo" : $" photo HTTP {(int)image.StatusCode}";
                    }
                }

                return (watch.Elapsed.TotalMilliseconds, outcome);
            }

            // Warm-up: the first reads compile the views and queries.
            for (var i = 0; i < 20; i++)
            {
                await ReadAsync(tokens[i]);
            }

            var reads = new List<Task<(double Milliseconds, string Outcome)>>();
            var interval = TimeSpan.FromSeconds(1.0 / rate);
            var clock = Stopwatch.StartNew();
            var total = rate * seconds;
            for (var i = 0; i < total; i++)
            {
                var due = interval * i;
                if (due > clock.Elapsed)
                {
                    await Task.Delay(due - clock.Elapsed);
                }

                reads.Add(ReadAsync(tokens[20 + (i % (tokens.Count - 20))]));
            }

            var results = await Task.WhenAll(reads);
            var elapsed = clock.Elapsed;
            var latencies = results.Select(r => r.Milliseconds).Order().ToArray();
            double At(double share) => latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(share * latencies.Length) - 1)];
            Console.WriteLine($"door: {total} badge reads at {rate}/s for {seconds} s (open loop), {participants} participants{(photos ? " with photos (read until the photo has arrived)" : "")}, {Environment.ProcessorCount} cores");
            Console.WriteLine($"  achieved {total / elapsed.TotalSeconds:F1} reads/s; p50 {At(0.50):F1} ms, p95 {At(0.95):F1} ms, p99 {At(0.99):F1} ms, max {latencies[^1]:F1} ms");
            Console.WriteLine("  outcomes: " + string.Join(", ", results.GroupBy(r => r.Outcome).Select(g => $"{g.Key} {g.Count()}")));
        }
        finally
        {
            try
            {
                Directory.Delete(dataDirectory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static async Task<(int SessionId, int MeetingId, List<string> Tokens)> SeedAsync(IServiceProvider services, int participants, bool photos)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SessionsDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var secretariat = new User { UserName = "door@bench.sessions", Email = "door@bench.sessions", EmailConfirmed = true, FullName = "Door officer", CreatedAt = DateTime.UtcNow };
        Check(await users.CreateAsync(secretariat, Password));
        Check(await users.AddToRoleAsync(secretariat, Roles.Secretariat));

        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var now = DateTime.UtcNow;
        var body = new Core.Bodies.Body(TranslatedText.English("Door benchmark Assembly"), Core.Bodies.BodyKind.Assembly, "DOOR/HA", 5);
        db.Bodies.Add(body);
        await db.SaveChangesAsync();
        var session = new Session(body.Id, 1, "DOOR/HA.1", TranslatedText.English("Door benchmark session"), TranslatedText.English("Nairobi"), "Africa/Nairobi", DateOnly.FromDateTime(now), DateOnly.FromDateTime(now).AddDays(4));
        session.AddMeeting(1, now.AddMinutes(-30), now.AddHours(3), "Plenary Hall");
        db.Sessions.Add(session);
        var letter = await scope.ServiceProvider.GetRequiredService<IFileStore>().SaveAsync(new MemoryStream("%PDF-1.4\n% Benchmark letter\n%%EOF\n"u8.ToArray()), "letter.pdf", UploadRule.Pdf, null);
        db.StoredFiles.Add(letter);
        var organisations = Enumerable.Range(1, Math.Max(1, participants / 20))
            .Select(i => new Organisation($"Door benchmark organisation {i}", Languages.English, OrganisationCategory.NonGovernmentalOrganisation) { CreatedAt = now }).ToList();
        db.Organisations.AddRange(organisations);
        await db.SaveChangesAsync();
        var delegations = organisations.Select(o => new Delegation(session.Id, o.Id, Capacity.Stakeholder, "benchmark", now)).ToList();
        var nominees = new List<Participant>();
        for (var i = 0; i < participants; i++)
        {
            var delegation = delegations[i % delegations.Count];
            nominees.Add(delegation.Nominate(new ParticipantDetails("", $"Given{i}", $"Family{i}", ParticipantFunction.Representative, $"p{i}@bench.sessions", Languages.English, true), ParticipantStatus.Nominated, now));
        }

        foreach (var delegation in delegations)
        {
            delegation.AttachLetter(letter.Id);
            delegation.Submit(now);
            delegation.Approve("benchmark", now);
        }

        if (photos)
        {
            // One photo processed as an upload is, stored once per participant: each read serves its own file.
            var photo = Web.Infrastructure.Files.GroundsPassPhoto.Process(Tests.Infrastructure.PhotoBuilders.CameraJpeg(1200, 1600));
            var store = scope.ServiceProvider.GetRequiredService<IFileStore>();
            foreach (var nominee in nominees)
            {
                var stored = await store.SaveAsync(new MemoryStream(photo), "photo.jpg", UploadRule.GroundsPassPhoto, null);
                db.StoredFiles.Add(stored);
                nominee.ReplacePhoto(stored.Id);
            }
        }

        nominees.ForEach(p => p.Approve(GroundsPassRequirements.None));
        db.Delegations.AddRange(delegations);
        await db.SaveChangesAsync();
        return (session.Id, session.Meetings.Single().Id, nominees.Select(p => p.BadgeToken!).ToList());
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
