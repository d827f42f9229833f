using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sessions.Core.Registration;
using Sessions.Tests.Infrastructure;
using Sessions.Web.Features.Registration.GroundsPass;
using Sessions.Web.Features.Registration.VisaLetters;
using Sessions.Web.Infrastructure;

namespace Sessions.Tests.Registration.VisaLetters;

/// <summary>Passport data goes with the grounds pass: erased after the session by the same job, the audit keeping only that it was.</summary>
public sealed class VisaLetterRetentionTests(ClockedAppFactory factory) : IClassFixture<ClockedAppFactory>
{
    [Fact]
    public async Task Passport_data_and_the_letter_carrying_it_are_erased_after_the_session_and_the_register_keeps_the_reference()
    {
        var nominee = await factory.NomineeAsync();
        var request = await factory.AskAsync(nominee);
        var secretariat = await factory.SecretariatAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await secretariat.ApproveAsync(request)).StatusCode);
        var approved = await factory.RequestOfAsync(nominee.ParticipantId);
        var letterName = VisaLetterDocument.FileName(approved.Reference!);
        Assert.True(await factory.WithDbAsync(db => db.OutboundEmails.AnyAsync(e => e.AttachmentName == letterName && e.Attachment!.Contains(VisaLetterTestData.PassportNumber))));
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateBrowser().GetAsync(nominee.LinkPage + "/letter")).StatusCode);

        var days = factory.Services.GetRequiredService<IOptions<SessionsOptions>>().Value.IdentityRetentionDays;
        var closesOn = await factory.WithDbAsync(db => db.Sessions.Where(s => s.Id == nominee.Scenario.SessionId).Select(s => s.ClosesOn).SingleAsync());
        var target = new DateTimeOffset(closesOn.AddDays(days + 1).ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
        factory.Clock.Advance(target - factory.Clock.GetUtcNow());
        Assert.True(await factory.InScopeAsync(sp => sp.GetRequiredService<EraseIdentityData.Handler>().EraseDueAsync(CancellationToken.None)) >= 1);

        var erased = await factory.RequestOfAsync(nominee.ParticipantId);
        Assert.NotNull(erased.ErasedAt);
        Assert.Equal("", erased.PassportNumber);
        Assert.Equal("", erased.ConsulateCity);
        Assert.Null(erased.LetterHtml);
        Assert.Equal(VisaLetterStatus.Approved, erased.Status);
        Assert.Equal(approved.Reference, erased.Reference);
        Assert.False(await factory.WithDbAsync(db => db.OutboundEmails.AnyAsync(e => e.Attachment!.Contains(VisaLetterTestData.PassportNumber))));
        Assert.False(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Changes.Contains(VisaLetterTestData.PassportNumber))));
        var erasure = await factory.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == nameof(VisaLetterRequest) && e.EntityId == erased.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .OrderBy(e => e.Id).LastAsync());
        Assert.Contains("\"PassportNumber\":[\"***\",null]", erasure.Changes);
        Assert.Contains("ErasedAt", erasure.Changes);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateBrowser().GetAsync(nominee.LinkPage + "/letter")).StatusCode);
        var secretariatNow = await factory.SecretariatAsync();
        Assert.Equal(HttpStatusCode.OK, (await secretariatNow.GetAsync($"/visa-letters/{erased.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secretariatNow.GetAsync($"/visa-letters/{erased.Id}/letter")).StatusCode);
    }
}
