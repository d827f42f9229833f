using System.Net;
using Sessions.Core.Statements;
using Sessions.Tests.Infrastructure;
using static Sessions.Tests.Infrastructure.StatementDocumentBuilders;

namespace Sessions.Tests.Statements.Submission;

/// <summary>The statement deadline, at the venue: refused after it, or accepted and flagged late when the session says so.</summary>
public sealed class SubmissionDeadlineTests(ClockedAppFactory factory) : IClassFixture<ClockedAppFactory>
{
    private DateTime Now => factory.Clock.GetUtcNow().UtcDateTime;

    [Fact]
    public async Task After_the_deadline_a_statement_is_refused_even_when_its_confirm_step_was_shown_before()
    {
        var session = await factory.AddStatementSessionAsync(s => s.StatementDeadline = Now.AddHours(1));
        var submitter = await factory.AddSubmitterAsync(session);
        var preview = await submitter.Client.PreviewAsync(session.SessionId, submitter.StatementForm(session, pastedText: Words(100)));
        var page = await preview.Content.ReadAsStringAsync();
        Assert.Contains("data-action=\"confirm\"", page, StringComparison.Ordinal);

        factory.Clock.Advance(TimeSpan.FromHours(2));
        var confirmed = await submitter.Client.ConfirmAsync(session.SessionId, page);
        var again = await submitter.Client.PreviewAsync(session.SessionId, submitter.StatementForm(session, pastedText: Words(100)));
        var form = await submitter.Client.GetStringAsync($"/statements/new?sessionId={session.SessionId}");

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains("The deadline for written statements was", await confirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("(Africa/Nairobi)", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("The deadline has passed: the session no longer accepts written statements.", form, StringComparison.Ordinal);
        Assert.Empty(await factory.StatementsOfSessionAsync(session.SessionId));
    }

    [Fact]
    public async Task Without_a_deadline_on_the_session_statements_are_due_two_weeks_before_the_opening()
    {
        var session = await factory.AddStatementSessionAsync(opensOn: DateOnly.FromDateTime(Now.AddDays(10)));
        var submitter = await factory.AddSubmitterAsync(session);

        var response = await submitter.Client.PreviewAsync(session.SessionId, submitter.StatementForm(session, pastedText: Words(100)));

        Assert.Contains("The deadline for written statements was", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_that_accepts_late_statements_takes_them_flagged_late()
    {
        var session = await factory.AddStatementSessionAsync(s => s.StatementDeadline = Now.AddHours(-1));
        await factory.SetStatementRulesAsync(session.SessionId, rules => rules.SetLateStatements(LateStatements.AcceptFlagged));
        var submitter = await factory.AddSubmitterAsync(session);

        var form = await submitter.Client.GetStringAsync($"/statements/new?sessionId={session.SessionId}");
        var preview = await submitter.Client.PreviewAsync(session.SessionId, submitter.StatementForm(session, pastedText: Words(100)));
        var page = await preview.Content.ReadAsStringAsync();
        var id = StatementSubmissionBuilders.StatementIdOf(await submitter.Client.ConfirmAsync(session.SessionId, page));

        Assert.Contains("The deadline has passed: the session still accepts statements, flagged as late.", form, StringComparison.Ordinal);
        Assert.Contains("statement-late", page, StringComparison.Ordinal);
        var statement = await factory.StatementAsync(id);
        Assert.True(statement.IsLate);
        Assert.Equal(StatementStatus.Submitted, statement.Status);
        Assert.Contains("Sent after the deadline", await submitter.Client.GetStringAsync($"/statements/{id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Before_the_deadline_a_statement_is_not_late()
    {
        var session = await factory.AddStatementSessionAsync(s => s.StatementDeadline = Now.AddDays(1));
        var submitter = await factory.AddSubmitterAsync(session);

        var id = await submitter.Client.SubmitStatementAsync(session.SessionId, submitter.StatementForm(session, pastedText: Words(100)));

        Assert.False((await factory.StatementAsync(id)).IsLate);
    }
}
