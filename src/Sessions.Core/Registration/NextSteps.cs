namespace Sessions.Core.Registration;

/// <summary>What a participant has to do, or can do, for one session.</summary>
public enum NextStepKind
{
    /// <summary>Confirm their details (by the registration deadline).</summary>
    ConfirmDetails = 1,

    /// <summary>Confirmed: the secretariat has still to approve the participant or the delegation.</summary>
    AwaitApproval = 2,

    /// <summary>On the waitlist: a place may free up.</summary>
    AwaitPlace = 3,

    /// <summary>Approved: show the badge at the door.</summary>
    ShowBadge = 4,

    /// <summary>The delegation may submit written statements (until the statement deadline).</summary>
    SubmitStatement = 5,

    /// <summary>The speakers lists take inscriptions in this window.</summary>
    Inscribe = 6,

    /// <summary>The session asks for a photo or identity data before approval, and some is missing.</summary>
    CompleteGroundsPass = 7,
}

/// <summary>One thing to do, from when and by when (UTC instants; either may be unknown).</summary>
public sealed record NextStep(NextStepKind Kind, DateTime? From = null, DateTime? By = null);

/// <summary>The session's dates that the steps depend on (UTC instants; the statement deadline already defaulted).</summary>
public sealed record SessionDeadlines(DateOnly ClosesOn, DateTime? RegistrationDeadline, DateTime StatementDeadline, DateTime? InscriptionOpensAt, DateTime? InscriptionClosesAt);

/// <summary>
/// A delegate's next steps for one participation: what their status asks of them, then what an approved
/// delegation can do before the session closes. Withdrawn and rejected participants, and closed sessions, have none.
/// </summary>
public static class NextSteps
{
    public static IReadOnlyList<NextStep> For(ParticipantStatus participant, RegistrationStatus delegation, SessionDeadlines session, DateTime now, bool groundsPassIncomplete = false)
    {
        if (DateOnly.FromDateTime(now) > session.ClosesOn || delegation is RegistrationStatus.Withdrawn or RegistrationStatus.Rejected)
        {
            return [];
        }

        var steps = new List<NextStep>();
        if (groundsPassIncomplete && participant is ParticipantStatus.Nominated or ParticipantStatus.Confirmed or ParticipantStatus.Waitlisted)
        {
            steps.Add(new NextStep(NextStepKind.CompleteGroundsPass, By: session.RegistrationDeadline));
        }

        switch (participant)
        {
            case ParticipantStatus.Nominated:
                steps.Add(new NextStep(NextStepKind.ConfirmDetails, By: session.RegistrationDeadline));
                break;
            case ParticipantStatus.Confirmed:
                steps.Add(new NextStep(NextStepKind.AwaitApproval));
                break;
            case ParticipantStatus.Waitlisted:
                steps.Add(new NextStep(NextStepKind.AwaitPlace));
                return steps;
            case ParticipantStatus.Approved when delegation == RegistrationStatus.Approved:
                steps.Add(new NextStep(NextStepKind.ShowBadge));
                break;
            case ParticipantStatus.Approved:
                steps.Add(new NextStep(NextStepKind.AwaitApproval));
                break;
            default:
                return [];
        }

        if (delegation != RegistrationStatus.Approved)
        {
            return steps;
        }

        if (now < session.StatementDeadline)
        {
            steps.Add(new NextStep(NextStepKind.SubmitStatement, By: session.StatementDeadline));
        }

        if (session.InscriptionOpensAt is not null && (session.InscriptionClosesAt is null || now < session.InscriptionClosesAt))
        {
            steps.Add(new NextStep(NextStepKind.Inscribe, session.InscriptionOpensAt, session.InscriptionClosesAt));
        }

        return steps;
    }
}
