using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Sessions.Core.Attendance;
using Sessions.Core.Bodies;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;
using Sessions.E2E.Infrastructure;
using Sessions.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Sessions.Tests.Infrastructure.DelegationBuilders;

namespace Sessions.E2E;

/// <summary>Attendance in a real browser: a badge's code typed at the door, then the meeting's roster.</summary>
public sealed class AttendanceInTheBrowserTests
{
    [ChromiumFact]
    public async Task A_code_typed_at_the_door_records_the_participant_and_the_roster_marks_the_others()
    {
        await using var app = await BrowserApp.StartAsync();
        SetDefaultExpectTimeout(15_000);
        var now = DateTime.UtcNow;
        var sessionId = await app.Factory.AddSessionAsync(await app.Factory.AddBodyAsync(BodyKind.Assembly), DateOnly.FromDateTime(now),
            configure: s => s.AddMeeting(1, now.AddMinutes(-20), now.AddHours(3), "Plenary Hall"));
        var meetingId = await app.Factory.WithDbAsync(db => db.Meetings.Where(m => m.SessionId == sessionId).Select(m => m.Id).SingleAsync());
        var delegation = await app.Factory.AddDelegationAsync(sessionId, await app.Factory.AddOrganisationAsync("Urban Door Network", OrganisationCategory.NonGovernmentalOrganisation),
            Capacity.Stakeholder, RegistrationStatus.Approved, [Nominee("Amina", "Diallo", ParticipantFunction.HeadOfDelegation), Nominee("Jonas", "Berg"), Nominee("Li", "Wei")]);
        var token = (await app.Factory.ParticipantAsync(delegation.ParticipantIds[0])).BadgeToken!;

        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        await app.SignInAsync(page, SessionsAppFactory.AdminEmail, SessionsAppFactory.AdminPassword);

        // The door: the code typed (as a scanner types it) records Amina present; typed again, it is recognised.
        await page.GotoAsync($"/sessions/manage/{sessionId}/check-in");
        await page.FillAsync("#code", $"{app.BaseUrl}/badges/{token}");
        await page.ClickAsync("[data-action=check-in]");
        await Expect(page.Locator(".check-in-result[data-outcome=Recorded]")).ToContainTextAsync("Amina");
        await Expect(page.Locator("main")).ToContainTextAsync("1 present at meeting 1.");
        await page.FillAsync("#code", token);
        await page.ClickAsync("[data-action=check-in]");
        await Expect(page.Locator(".check-in-result[data-outcome=AlreadyPresent]")).ToBeVisibleAsync();
        await page.FillAsync("#code", "0000");
        await page.ClickAsync("[data-action=check-in]");
        await Expect(page.Locator(".check-in-result[data-outcome=refused]")).ToContainTextAsync("No badge has this code.");

        // The roster: Amina shows present by scan; Jonas and Li are selected and marked excused together.
        await page.GotoAsync($"/sessions/manage/{sessionId}/meetings/{meetingId}/roster");
        await Expect(page.Locator($"tr[data-participant='{delegation.ParticipantIds[0]}'] td[data-status=Present]")).ToBeVisibleAsync();
        await page.CheckAsync($"#p-{delegation.ParticipantIds[1]}");
        await page.CheckAsync($"#p-{delegation.ParticipantIds[2]}");
        await page.ClickAsync("[data-action=bulk-excused]");
        await Expect(page.Locator("main")).ToContainTextAsync("2 marked Excused.");
        await Expect(page.Locator("td[data-status=Excused]")).ToHaveCountAsync(2);

        var statuses = await app.Factory.WithDbAsync(db => db.Attendance.Where(a => a.MeetingId == meetingId).ToDictionaryAsync(a => a.ParticipantId, a => a.Status));
        Assert.Equal(AttendanceStatus.Present, statuses[delegation.ParticipantIds[0]]);
        Assert.Equal(AttendanceStatus.Excused, statuses[delegation.ParticipantIds[1]]);
        Assert.Equal(AttendanceStatus.Excused, statuses[delegation.ParticipantIds[2]]);
    }
}
