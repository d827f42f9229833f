using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Sessions;
using Sessions.Tests.Infrastructure;
using Sessions.Web.Features.Notices.Reminders;
using static Sessions.Tests.Infrastructure.StatementDocumentBuilders;

namespace Sessions.Tests.Statements.Submission;

/// <summary>The statement-deadline reminder goes only to organisations that still have a statement to send.</summary>
public sealed class SubmissionReminderTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    [Fact]
    public async Task The_deadline_reminder_skips_organisations_that_submitted_a_statement_but_not_those_that_withdrew_it()
    {
        var session = await factory.AddStatementSessionAsync();
        var submitted = await factory.AddSubmitterAsync(session);
        var withdrawn = await factory.AddSubmitterAsync(session);
        var silent = await factory.AddSubmitterAsync(session);
        await submitted.Client.SubmitStatementAsync(session.SessionId, submitted.StatementForm(session, pastedText: Words(100)));
        var id = await withdrawn.Client.SubmitStatementAsync(session.SessionId, withdrawn.StatementForm(session, pastedText: Words(100)));
        await withdrawn.Client.PostConfirmedFormAsync($"/statements/{id}/withdraw", new { (await factory.StatementAsync(id)).Version }, $"/statements/{id}");

        var audience = await factory.InScopeAsync(sp => sp.GetRequiredService<SendReminders.Handler>().AudienceAsync(session.SessionId, ReminderOccasion.StatementDeadline, CancellationToken.None));

        Assert.Equal(
            new[] { withdrawn.User.Email, silent.User.Email }.Order(),
            audience.Select(r => r.Email).Order());
        Assert.All(audience, r => Assert.Equal($"/statements/new?sessionId={session.SessionId}", r.ActionPath));
    }
}
