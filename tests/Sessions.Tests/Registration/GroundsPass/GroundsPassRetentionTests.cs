using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Audit;
using Sessions.Core.Data;
using Sessions.Tests.Infrastructure;
using Sessions.Web.Features.Registration.GroundsPass;
using Sessions.Web.Infrastructure;
using static Sessions.Tests.Infrastructure.DelegationBuilders;

namespace Sessions.Tests.Registration.GroundsPass;

/// <summary>Identity data and photos are erased a set number of days after the session closes; the audit keeps that, never the values.</summary>
public sealed class GroundsPassRetentionTests(ClockedAppFactory factory) : IClassFixture<ClockedAppFactory>
{
    private Task<int> RunTheJobAsync() =>
        factory.InScopeAsync(sp => sp.GetRequiredService<EraseIdentityData.Handler>().EraseDueAsync(CancellationToken.None));

    /// <summary>Noon UTC of <paramref name="day"/> (the clock only moves forward: the other tests of the class see the moved clock too).</summary>
    private void MoveClockTo(DateOnly day)
    {
        var target = new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
        var now = factory.Clock.GetUtcNow();
        if (target > now)
        {
            factory.Clock.Advance(target - now);
        }
    }

    private Task<List<AuditEntry>> AuditOfAsync(int participantId) =>
        factory.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == "Participant" && e.EntityId == participantId.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .OrderBy(e => e.Id).ToListAsync());

    [Fact]
    public async Task Identity_data_never_enters_the_audit_with_its_values_not_even_when_entered()
    {
        var scenario = await GroundsPassTestScenario.StartAsync(factory, photo: false, identity: true);

        await scenario.GiveIdentityAsync("Q5551234");

        var entries = await AuditOfAsync(scenario.ParticipantId);
        var entered = Assert.Single(entries, e => e.Changes.Contains("IdentityDocumentNumber", StringComparison.Ordinal));
        Assert.Contains("\"***\"", entered.Changes);
        Assert.False(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Changes.Contains("Q5551234") || e.Changes.Contains("2035-01-31"))));
        Assert.DoesNotContain("\"BR\"", entered.Changes);
    }

    [Fact]
    public async Task The_job_erases_photos_and_identity_data_of_sessions_closed_longer_than_the_retention_and_audits_it_without_values()
    {
        var days = factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SessionsOptions>>().Value.IdentityRetentionDays;
        var today = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);
        var closed = await GroundsPassTestScenario.StartAsync(factory, photo: true, identity: true, opensOn: today.AddDays(10));
        await closed.UploadPhotoAsync();
        await closed.GiveIdentityAsync("Z1112223");
        var photo = await factory.WithDbAsync(db => db.StoredFiles.AsNoTracking().SingleAsync(f => f.Id == db.Participants.Single(p => p.Id == closed.ParticipantId).PhotoFileId));
        var photoPath = factory.Services.GetRequiredService<DataDirectory>().Combine(photo.RelativePath);
        Assert.True(File.Exists(photoPath));
        var later = await GroundsPassTestScenario.StartAsync(factory, photo: true, identity: true, opensOn: today.AddDays(40));
        await later.UploadPhotoAsync();
        await later.GiveIdentityAsync();
        var closesOn = await factory.WithDbAsync(db => db.Sessions.Where(s => s.Id == closed.SessionId).Select(s => s.ClosesOn).SingleAsync());

        MoveClockTo(closesOn.AddDays(days));
        Assert.Equal(0, await RunTheJobAsync());

        MoveClockTo(closesOn.AddDays(days + 1));
        Assert.True(await RunTheJobAsync() >= 1);

        var erased = await factory.ParticipantAsync(closed.ParticipantId);
        Assert.Null(erased.PhotoFileId);
        Assert.Null(erased.Nationality);
        Assert.Null(erased.IdentityDocumentNumber);
        Assert.Null(erased.IdentityDocumentExpiresOn);
        Assert.NotNull(erased.GroundsPassErasedAt);
        Assert.False(File.Exists(photoPath));
        Assert.False(await factory.WithDbAsync(db => db.StoredFiles.AnyAsync(f => f.Id == photo.Id)));
        var kept = await factory.ParticipantAsync(later.ParticipantId);
        Assert.NotNull(kept.PhotoFileId);
        Assert.Equal("P1234567", kept.IdentityDocumentNumber);

        var erasure = (await AuditOfAsync(closed.ParticipantId)).Last();
        Assert.Contains("GroundsPassErasedAt", erasure.Changes);
        Assert.Contains("\"IdentityDocumentNumber\":[\"***\",null]", erasure.Changes);
        Assert.Contains("\"Nationality\":[\"***\",null]", erasure.Changes);
        Assert.False(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Changes.Contains("Z1112223"))));

        // Safe to run twice: nothing is left to erase, nothing more is written.
        var entries = await factory.WithDbAsync(db => db.AuditEntries.CountAsync());
        Assert.Equal(0, await RunTheJobAsync());
        Assert.Equal(entries, await factory.WithDbAsync(db => db.AuditEntries.CountAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await closed.FocalPoint.GetAsync($"{closed.Page}/photo.jpg")).StatusCode);
    }
}
