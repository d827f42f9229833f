using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Sessions.Core.Bodies;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;
using Sessions.E2E.Infrastructure;
using Sessions.Tests.Infrastructure;

namespace Sessions.E2E;

/// <summary>
/// What paper shows: pages printed to PDF by Chromium (as its print dialog does) and read back with poppler's
/// pdftotext and pdfinfo (apt-get install poppler-utils), over the demo data.
/// </summary>
public sealed class PrintInTheBrowserTests
{
    [ChromiumFact]
    public async Task A_printed_issued_statement_keeps_its_supporters_footnote_and_none_of_the_site_around_it()
    {
        await using var app = await BrowserApp.StartAsync(seedDemo: true);
        var id = await app.Factory.WithDbAsync(db => db.WrittenStatements.Where(s => s.Title == "Community-led upgrading of informal settlements").Select(s => s.Id).SingleAsync());
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync($"/statements/issued/{id}");
        var text = Regex.Replace(await PrintedTextAsync(page), @"\s+", " ");

        foreach (var expected in new[] { "Community-led upgrading of informal settlements", "Muungano wa Wanavijiji", "Homeless People’s Federation Philippines" })
        {
            Assert.True(text.Contains(expected, StringComparison.Ordinal), $"\"{expected}\" is not in the printed statement:\n{text}");
        }

        Assert.DoesNotContain("Sign in", text);
        Assert.DoesNotContain("the secretariat's system for the sessions", text);
        Assert.DoesNotContain("Download (", text);
    }

    [ChromiumFact]
    public async Task The_printed_list_of_participants_names_the_session_the_day_it_was_printed_and_each_page_of_how_many()
    {
        await using var app = await BrowserApp.StartAsync(seedDemo: true);
        var session = await app.Factory.WithDbAsync(db => db.Sessions.Where(s => s.Symbol == "HSP/HA.2").Select(s => new { s.Id, s.Title, s.TimeZoneId }).SingleAsync());
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(60_000);
        await app.SignInAsync(page, SessionsAppFactory.AdminEmail, SessionsAppFactory.AdminPassword);

        var before = Today(session.TimeZoneId);
        await page.GotoAsync($"/sessions/manage/{session.Id}/participants/print");
        var pages = await PrintedPagesAsync(page);
        var after = Today(session.TimeZoneId);

        for (var number = 1; number <= pages.Count; number++)
        {
            var text = pages[number - 1];
            Assert.Contains($"Page {number} of {pages.Count}", text);
            Assert.Contains("HSP/HA.2", text);
            Assert.True(text.Contains("Printed on " + before, StringComparison.Ordinal) || text.Contains("Printed on " + after, StringComparison.Ordinal), $"No date printed ({before}) on page {number}:\n{text}");
        }
    }

    [ChromiumFact]
    public async Task The_badges_of_a_delegation_print_one_to_a_page_or_four_to_an_A4_sheet()
    {
        await using var app = await BrowserApp.StartAsync();
        var sessionId = await app.Factory.AddSessionAsync(await app.Factory.AddBodyAsync(BodyKind.Assembly), new DateOnly(2031, 5, 12), title: "Second session of the Assembly");
        var organisationId = await app.Factory.AddOrganisationAsync($"Badge Org {OrganisationSeeding.UniqueToken()}", OrganisationCategory.IntergovernmentalOrganisation);
        string[] names = ["Amina", "Bruno", "Chen", "Dmitri", "Elena"];
        var delegation = await app.Factory.AddDelegationAsync(sessionId, organisationId, Capacity.IntergovernmentalOrganisation, RegistrationStatus.Approved,
            names.Select((name, i) => DelegationBuilders.Nominee(name, "Diallo", i == 0 ? ParticipantFunction.HeadOfDelegation : ParticipantFunction.Representative)));
        var delegationId = delegation.Id;
        var badges = names.Length;
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(60_000);
        await app.SignInAsync(page, SessionsAppFactory.AdminEmail, SessionsAppFactory.AdminPassword);

        await page.GotoAsync($"/badges/delegation/{delegationId}");
        var onePerPage = await PrintedPagesAsync(page);
        await page.ClickAsync("a[data-layout=sheet]");
        await page.WaitForURLAsync(url => url.EndsWith("?layout=sheet", StringComparison.Ordinal));
        var sheets = await PrintedPagesAsync(page);

        Assert.Equal(badges, onePerPage.Count);
        Assert.Equal((badges + 3) / 4, sheets.Count);
        Assert.All(sheets.SkipLast(1), sheet => Assert.Equal(4, DoorCodes(sheet)));
        Assert.Equal(badges, sheets.Sum(DoorCodes));
    }

    private static string Today(string timeZoneId) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById(timeZoneId))).ToString("D", CultureInfo.GetCultureInfo("en"));

    private static int DoorCodes(string text) => Regex.Matches(text, "Door code").Count;

    /// <summary>The page printed as the print dialog would (A4 unless the page's CSS sets its size), as text.</summary>
    private static async Task<string> PrintedTextAsync(IPage page) => string.Join("\f", await PrintedPagesAsync(page));

    /// <summary>The text of each printed page.</summary>
    private static async Task<List<string>> PrintedPagesAsync(IPage page)
    {
        var pdf = Path.Combine(Path.GetTempPath(), $"sessions-print-{Guid.NewGuid():N}.pdf");
        try
        {
            await page.PdfAsync(new PagePdfOptions { Path = pdf, Format = "A4", PreferCSSPageSize = true, PrintBackground = true });
            var text = await RunAsync("pdftotext", "-enc", "UTF-8", pdf, "-");
            return text.Split('\f').SkipLast(1).ToList();
        }
        finally
        {
            File.Delete(pdf);
        }
    }

    private static async Task<string> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start (apt-get install poppler-utils).");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{program} failed: {await process.StandardError.ReadToEndAsync()}");
        return output;
    }
}
