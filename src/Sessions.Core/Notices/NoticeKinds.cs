namespace Sessions.Core.Notices;

/// <summary>
/// Every kind of notice Sessions sends, with the placeholders its template may use. A notice is queued
/// by its kind; the built-in wording of each is in Resources/NoticeTemplates/*.json (six languages), and
/// the secretariat may replace it (<see cref="NoticeTemplate"/>).
/// </summary>
public static class NoticeKinds
{
    private static readonly string[] _session = [.. NoticeKind.SessionPlaceholders];

    // Account
    public static readonly NoticeKind AccountConfirm = new("account.confirm", NoticeGroup.Account, ["ConfirmLink"]);
    public static readonly NoticeKind AccountResetPassword = new("account.reset-password", NoticeGroup.Account, ["ResetLink"]);
    public static readonly NoticeKind AccountSecretariatCreated = new("account.secretariat-created", NoticeGroup.Account, ["ResetLink"]);
    public static readonly NoticeKind AccountPasswordChanged = new("account.password-changed", NoticeGroup.Account, []);
    public static readonly NoticeKind AccountDeactivated = new("account.deactivated", NoticeGroup.Account, []);
    public static readonly NoticeKind AccountReactivated = new("account.reactivated", NoticeGroup.Account, ["SignInLink"]);
    public static readonly NoticeKind AccountRegistrationAttempted = new("account.registration-attempted", NoticeGroup.Account, ["SignInLink", "ForgotPasswordLink"]);
    public static readonly NoticeKind FocalPointApproved = new("focal-point.approved", NoticeGroup.Account, ["OrganisationName", "AccountLink"]);
    public static readonly NoticeKind FocalPointRejected = new("focal-point.rejected", NoticeGroup.Account, ["OrganisationName", "Reason", "AccountLink"]);

    // Accreditation
    private static readonly string[] _accreditation = ["OrganisationName", "AccreditationFor", "AccreditationLink"];
    public static readonly NoticeKind AccreditationReceived = new("accreditation.received", NoticeGroup.Accreditation, _accreditation);
    public static readonly NoticeKind AccreditationGranted = new("accreditation.granted", NoticeGroup.Accreditation, _accreditation);
    public static readonly NoticeKind AccreditationRejected = new("accreditation.rejected", NoticeGroup.Accreditation, [.. _accreditation, "Reason"]);
    public static readonly NoticeKind AccreditationSuspended = new("accreditation.suspended", NoticeGroup.Accreditation, [.. _accreditation, "Reason"]);
    public static readonly NoticeKind AccreditationWithdrawn = new("accreditation.withdrawn", NoticeGroup.Accreditation, [.. _accreditation, "Reason"]);

    // Registration
    private static readonly string[] _delegation = [.. _session, "OrganisationName", "DelegationLink"];
    public static readonly NoticeKind DelegationApproved = new("delegation.approved", NoticeGroup.Registration, [.. _delegation, "ApprovedCount", "WaitlistedCount", "BadgesLink"]);
    public static readonly NoticeKind DelegationRejected = new("delegation.rejected", NoticeGroup.Registration, [.. _delegation, "Reason"]);
    public static readonly NoticeKind DelegationPromoted = new("delegations.promoted", NoticeGroup.Registration, [.. _delegation, "ParticipantName"]);
    public static readonly NoticeKind ParticipantInvitation = new("participants.invitation", NoticeGroup.Registration, [.. _session, "OrganisationName", "ConfirmLink", "ConfirmBy"]);
    public static readonly NoticeKind ParticipantWaitlisted = new("participants.waitlisted", NoticeGroup.Registration, [.. _session, "OrganisationName", "ConfirmLink", "ConfirmBy"]);
    public static readonly NoticeKind ParticipantPromoted = new("participants.promoted", NoticeGroup.Registration, [.. _session, "OrganisationName", "ConfirmLink", "ConfirmBy"]);
    public static readonly NoticeKind ParticipantWithdrawn = new("participants.withdrawn", NoticeGroup.Registration, [.. _session, "OrganisationName"]);
    public static readonly NoticeKind ParticipantApproved = new("participant.approved", NoticeGroup.Registration, [.. _session, "OrganisationName", "BadgeLink", "AccountLink"]);
    public static readonly NoticeKind ParticipantRejected = new("participant.rejected", NoticeGroup.Registration, [.. _session, "OrganisationName", "Reason"]);

    // Visa support letters: the participant follows their request; the letter itself is worded like a notice.
    private static readonly string[] _visa = [.. _session, "OrganisationName", "VisaLetterLink"];
    public static readonly NoticeKind VisaLetterRequested = new("visa.requested", NoticeGroup.Registration, _visa);
    public static readonly NoticeKind VisaLetterApproved = new("visa.approved", NoticeGroup.Registration, [.. _visa, "Reference"]);
    public static readonly NoticeKind VisaLetterRefused = new("visa.refused", NoticeGroup.Registration, [.. _visa, "Reason"]);

    /// <summary>Not sent on its own: the letter attached to <see cref="VisaLetterApproved"/>, in the session's working language.</summary>
    public static readonly NoticeKind VisaLetter = new("visa.letter", NoticeGroup.Registration,
        [.. _session, "OrganisationName", "ParticipantName", "ParticipantFunction", "PassportNumber", "Nationality", "DateOfBirth", "PassportIssuedOn", "PassportExpiresOn",
         "ConsulateCity", "ConsulateCountry", "Reference", "LetterDate"]);

    // Bulk notices written by the secretariat (NoticeCampaign): the convening notice, a meeting notice, free text.
    private static readonly string[] _campaign = [.. _session, "OrganisationName"];
    public static readonly NoticeKind ConveningNotice = new("campaign.convening", NoticeGroup.ConveningNotice, _campaign);
    public static readonly NoticeKind MeetingNotice = new("campaign.meeting", NoticeGroup.ConveningNotice, [.. _campaign, "MeetingNumber", "MeetingStartsAt", "MeetingEndsAt", "MeetingRoom"]);
    public static readonly NoticeKind FreeForm = new("campaign.free-form", NoticeGroup.FreeForm, _campaign);

    // Reminders before a session's deadlines and its opening, to those who still have something to do.
    private static readonly string[] _reminder = [.. _session, "OrganisationName", "ActionLink"];
    public static readonly NoticeKind NominationDeadlineReminder = new("reminder.nomination-deadline", NoticeGroup.Reminders, _reminder);
    public static readonly NoticeKind RegistrationDeadlineReminder = new("reminder.registration-deadline", NoticeGroup.Reminders, _reminder);
    public static readonly NoticeKind StatementDeadlineReminder = new("reminder.statement-deadline", NoticeGroup.Reminders, _reminder);
    public static readonly NoticeKind OpeningReminder = new("reminder.opening", NoticeGroup.Reminders, _reminder);

    // Before each meeting with an online link, to the approved participants attending online: the link.
    public static readonly NoticeKind OnlineLinkReminder = new("reminder.online-link", NoticeGroup.Reminders, [.. _session, "OrganisationName", "MeetingNumber", "MeetingStartsAt", "MeetingEndsAt", "OnlineLink"]);

    // Speakers lists: the delegation's place on the list of an agenda item.
    private static readonly string[] _speaker = [.. _session, "OrganisationName", "AgendaItem", "AgendaItemTitle", "Place", "ListLink"];
    public static readonly NoticeKind SpeakerInscriptionConfirmed = new("speakers.inscription-confirmed", NoticeGroup.Speakers, _speaker);
    public static readonly NoticeKind SpeakerMoved = new("speakers.moved", NoticeGroup.Speakers, [.. _speaker, "PreviousPlace"]);
    public static readonly NoticeKind SpeakerAboutToBeCalled = new("speakers.about-to-be-called", NoticeGroup.Speakers, [.. _speaker, "SpeakersAhead"]);

    // Written statements: the submitter's and the co-sponsors' focal points follow a statement from submission to issuance.
    private static readonly string[] _statement = [.. _session, "OrganisationName", "AgendaItem", "AgendaItemTitle", "StatementTitle", "StatementLink"];
    public static readonly NoticeKind StatementReceived = new("statements.received", NoticeGroup.Statements, [.. _statement, "WordCount"]);
    public static readonly NoticeKind StatementCoSponsorRequest = new("statements.co-sponsor-request", NoticeGroup.Statements, [.. _statement, "CoSponsorName", "ConfirmLink"]);
    public static readonly NoticeKind StatementCoSponsorAnswered = new("statements.co-sponsor-answered", NoticeGroup.Statements, [.. _statement, "CoSponsorName", "Answer"]);
    public static readonly NoticeKind StatementInReview = new("statements.in-review", NoticeGroup.Statements, _statement);
    public static readonly NoticeKind StatementIssued = new("statements.issued", NoticeGroup.Statements, [.. _statement, "DocumentSymbol", "DocumentLink"]);
    public static readonly NoticeKind StatementRejected = new("statements.rejected", NoticeGroup.Statements, [.. _statement, "Reason"]);
    public static readonly NoticeKind StatementDuplicate = new("statements.duplicate", NoticeGroup.Statements, [.. _statement, "DuplicateOf"]);
    public static readonly NoticeKind StatementWithdrawn = new("statements.withdrawn", NoticeGroup.Statements, _statement);

    // Session documents: once a day at most, what became available since the last notice, to the participants and focal points.
    public static readonly NoticeKind DocumentsAvailable = new("documents.available", NoticeGroup.Documents, [.. _session, "DocumentList", "DocumentCount", "DocumentsLink"]);

    /// <summary>Every kind, in the order the template list shows them.</summary>
    public static readonly IReadOnlyList<NoticeKind> All =
    [
        AccountConfirm, AccountResetPassword, AccountSecretariatCreated, AccountPasswordChanged, AccountDeactivated, AccountReactivated,
        AccountRegistrationAttempted,
        FocalPointApproved, FocalPointRejected,
        AccreditationReceived, AccreditationGranted, AccreditationRejected, AccreditationSuspended, AccreditationWithdrawn,
        DelegationApproved, DelegationRejected, DelegationPromoted,
        ParticipantInvitation, ParticipantWaitlisted, ParticipantPromoted, ParticipantWithdrawn, ParticipantApproved, ParticipantRejected,
        VisaLetterRequested, VisaLetterApproved, VisaLetterRefused, VisaLetter,
        SpeakerInscriptionConfirmed, SpeakerMoved, SpeakerAboutToBeCalled,
        StatementReceived, StatementCoSponsorRequest, StatementCoSponsorAnswered, StatementInReview, StatementIssued, StatementRejected, StatementDuplicate, StatementWithdrawn,
        ConveningNotice, MeetingNotice, FreeForm,
        NominationDeadlineReminder, RegistrationDeadlineReminder, StatementDeadlineReminder, OpeningReminder, OnlineLinkReminder,
        DocumentsAvailable,
    ];

    public static NoticeKind? Find(string key) => All.FirstOrDefault(k => k.Key == key);
}
