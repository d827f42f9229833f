using Sessions.Core.Registration;

namespace Sessions.Tests.Registration;

/// <summary>What a delegate is told to do next for a session: from their status, their delegation's and the session's dates.</summary>
public sealed class NextStepsTests
{
    private static readonly DateTime _now = new(2027, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    private static SessionDeadlines Session(DateTime? inscriptionOpens = null, DateTime? inscriptionCloses = null) =>
        new(DateOnly.FromDateTime(_now.AddDays(30)), _now.AddDays(10), _now.AddDays(5), inscriptionOpens, inscriptionCloses);

    private static List<NextStepKind> Kinds(ParticipantStatus participant, RegistrationStatus delegation, SessionDeadlines? session = null, DateTime? now = null) =>
        NextSteps.For(participant, delegation, session ?? Session(), now ?? _now).Select(s => s.Kind).ToList();

    [Fact]
    public void A_nominee_confirms_their_details_by_the_registration_deadline()
    {
        var step = Assert.Single(NextSteps.For(ParticipantStatus.Nominated, RegistrationStatus.Submitted, Session(), _now));

        Assert.Equal(new NextStep(NextStepKind.ConfirmDetails, By: _now.AddDays(10)), step);
    }

    [Fact]
    public void A_grounds_pass_the_session_asks_for_comes_first_until_approval_by_the_registration_deadline()
    {
        var steps = NextSteps.For(ParticipantStatus.Confirmed, RegistrationStatus.Submitted, Session(), _now, groundsPassIncomplete: true);

        Assert.Equal([NextStepKind.CompleteGroundsPass, NextStepKind.AwaitApproval], steps.Select(s => s.Kind));
        Assert.Equal(_now.AddDays(10), steps[0].By);
        Assert.DoesNotContain(NextStepKind.CompleteGroundsPass, NextSteps.For(ParticipantStatus.Approved, RegistrationStatus.Approved, Session(), _now, groundsPassIncomplete: true).Select(s => s.Kind));
        Assert.Empty(NextSteps.For(ParticipantStatus.Withdrawn, RegistrationStatus.Approved, Session(), _now, groundsPassIncomplete: true));
    }

    [Fact]
    public void A_confirmed_participant_waits_for_approval_and_a_waitlisted_one_for_a_place()
    {
        Assert.Equal([NextStepKind.AwaitApproval], Kinds(ParticipantStatus.Confirmed, RegistrationStatus.Submitted));
        Assert.Equal([NextStepKind.AwaitApproval], Kinds(ParticipantStatus.Approved, RegistrationStatus.Submitted));
        Assert.Equal([NextStepKind.AwaitPlace], Kinds(ParticipantStatus.Waitlisted, RegistrationStatus.Approved));
    }

    [Fact]
    public void An_approved_participant_shows_the_badge_submits_statements_until_the_deadline_and_inscribes_in_the_window()
    {
        var session = Session(_now.AddDays(-1), _now.AddDays(2));

        var steps = NextSteps.For(ParticipantStatus.Approved, RegistrationStatus.Approved, session, _now);

        Assert.Equal([NextStepKind.ShowBadge, NextStepKind.SubmitStatement, NextStepKind.Inscribe], steps.Select(s => s.Kind));
        Assert.Equal(_now.AddDays(5), steps[1].By);
        Assert.Equal((_now.AddDays(-1), _now.AddDays(2)), (steps[2].From, steps[2].By));
        Assert.Equal([NextStepKind.ShowBadge], Kinds(ParticipantStatus.Approved, RegistrationStatus.Approved, session, _now.AddDays(6)));
    }

    [Fact]
    public void Withdrawn_rejected_and_closed_participations_have_nothing_to_do()
    {
        Assert.Empty(Kinds(ParticipantStatus.Withdrawn, RegistrationStatus.Approved));
        Assert.Empty(Kinds(ParticipantStatus.Rejected, RegistrationStatus.Approved));
        Assert.Empty(Kinds(ParticipantStatus.Approved, RegistrationStatus.Withdrawn));
        Assert.Empty(Kinds(ParticipantStatus.Nominated, RegistrationStatus.Rejected));
        Assert.Empty(Kinds(ParticipantStatus.Approved, RegistrationStatus.Approved, now: _now.AddDays(31)));
    }
}
