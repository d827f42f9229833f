using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Accounts;
using Sessions.Core.Data;
using Sessions.Core.Registration;
using Sessions.Tests.Infrastructure;
using static Sessions.Tests.Infrastructure.AttendanceReportBuilders;

namespace Sessions.Tests.Attendance.Report;

/// <summary>The special requirements stated for participants reach the secretariat in the report's Participants sheet.</summary>
public sealed class NeedsInReportTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    [Fact]
    public async Task The_participants_sheet_lists_each_participants_accessibility_and_dietary_needs()
    {
        var seeded = await factory.AddReportSessionAsync();
        await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            var participantId = await db.Participants.Where(p => p.DelegationId == seeded.MoroccoDelegationId && p.GivenName + " " + p.FamilyName == ArabicParticipant)
                .Select(p => p.Id).SingleAsync();
            var needs = new SpecialRequirements(participantId);
            needs.State(new Needs(WheelchairAccess: true, SignLanguageInterpretation: false, SupportPerson: true, "Seat near the door", "Halal"), DateTime.UtcNow);
            db.SpecialRequirements.Add(needs);
            await db.SaveChangesAsync();
        });
        var client = factory.CreateBrowser();
        await client.SignInAsAsync(factory, Roles.Secretariat);

        using var workbook = new XLWorkbook(await client.DownloadReportAsync(seeded.SessionId));

        var participants = workbook.Worksheet("Participants");
        Assert.Equal(["Accessibility needs", "Dietary needs"], new[] { participants.Cell(1, 6).GetString(), participants.Cell(1, 7).GetString() });
        var row = participants.RowsUsed().Single(r => r.Cell(1).GetString() == ArabicParticipant);
        Assert.Equal("Wheelchair access; A support person; Seat near the door", row.Cell(6).GetString());
        Assert.Equal("Halal", row.Cell(7).GetString());
        var other = participants.RowsUsed().Single(r => r.Cell(1).GetString() == ChineseParticipant);
        Assert.Equal(["", ""], new[] { other.Cell(6).GetString(), other.Cell(7).GetString() });
    }
}
