using Microsoft.EntityFrameworkCore;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Registration;
using Sessions.Core.Sessions;
using Sessions.Core.Speakers;
using Sessions.Core.Statements;
using Sessions.Web.Features.Attendance.SelfCheckIn;
using Sessions.Web.Features.Sessions.Schedule;
using Sessions.Web.Features.Speakers.Lists;

namespace Sessions.Web.Features.Home;

/// <summary>
/// A delegate's sessions: each participation linked to their account (upcoming first, then the latest past ones), with
/// its status, what to do next and by when, the badge, the meetings open for self check-in, the delegation's speaking
/// slots and statements. A fixed number of queries, however many sessions.
/// </summary>
public static class MySessions
{
    public const int MaxUpcoming = 20;
    public const int MaxPast = 10;
    public const int MaxStatements = 100;

    /// <summary>A step with its instants at the venue's clock.</summary>
    public sealed record Step(NextStepKind Kind, DateTime? From, DateTime? By);

    public sealed record CheckInMeeting(int Number, DateTime StartsAt, string? Room, bool Present, TranslatedText? Name = null);

    public sealed record Slot(int ListId, AgendaItemHeading AgendaItem, int? MeetingNumber, SpeakerStatus Status, string? Speaker, SpeakerWait? Wait);

    public sealed record Statement(int Id, string Title, StatementStatus Status, string? Symbol, bool IsMine);

    /// <summary>A meeting's online link, for an approved participant attending online (<see cref="OnlineLinks"/>).</summary>
    public sealed record OnlineMeeting(int Number, DateTime StartsAt, string Url);

    public sealed record Participation(
        int ParticipantId,
        int SessionId,
        string SessionSymbol,
        TranslatedText SessionTitle,
        DateOnly OpensOn,
        DateOnly ClosesOn,
        string TimeZoneId,
        int DelegationId,
        string Delegation,
        ParticipantStatus Status,
        RegistrationStatus DelegationStatus,
        string? ConfirmationToken,
        string? BadgeToken,
        AttendanceMode Attendance,
        bool IsPast,
        IReadOnlyList<Step> NextSteps,
        IReadOnlyList<CheckInMeeting> CheckIn,
        IReadOnlyList<Slot> Slots,
        IReadOnlyList<Statement> Statements,
        IReadOnlyList<OnlineMeeting> OnlineMeetings);

    public sealed record Model(IReadOnlyList<Participation> Upcoming, IReadOnlyList<Participation> Past)
    {
        public bool IsEmpty => Upcoming.Count == 0 && Past.Count == 0;
    }

    private sealed class Joined
    {
        public Participant P { get; init; } = null!;
        public Delegation D { get; init; } = null!;
        public Session S { get; init; } = null!;
    }

    private sealed record Row(
        int ParticipantId,
        ParticipantStatus Status,
        string ConfirmationToken,
        string? BadgeToken,
        int DelegationId,
        RegistrationStatus DelegationStatus,
        string Delegation,
        int SessionId,
        string Symbol,
        TranslatedText Title,
        string TimeZoneId,
        DateOnly OpensOn,
        DateOnly ClosesOn,
        DateTime? RegistrationDeadline,
        DateTime? StatementDeadline,
        DateTime? InscriptionOpensAt,
        DateTime? InscriptionClosesAt,
        AttendanceMode Attendance,
        GroundsPassRequirements GroundsPassAsked,
        GroundsPassState GroundsPass)
    {
        /// <summary>What the session asks is not all given (<see cref="GroundsPassRequirements"/>, the rule approval applies).</summary>
        public bool GroundsPassIncomplete => GroundsPassAsked.LacksPhoto(GroundsPass) || GroundsPassAsked.LacksIdentityDocument(GroundsPass);
    }

    public sealed class Handler(SessionsDbContext db, TimeProvider clock, SelfCheckIn.Handler checkIn, MySpeakingSlots.Handler speakingSlots)
    {
        public async Task<Model> HandleAsync(string userId, string language, CancellationToken cancellationToken = default)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var today = DateOnly.FromDateTime(now);
            var mine = from p in db.Participants.AsNoTracking().Where(p => p.UserId == userId)
                       join d in db.Delegations on p.DelegationId equals d.Id
                       join s in db.Sessions on d.SessionId equals s.Id
                       select new Joined { P = p, D = d, S = s };
            var upcoming = await Project(mine.Where(x => x.S.ClosesOn >= today).OrderBy(x => x.S.OpensOn).ThenBy(x => x.S.Id).ThenBy(x => x.P.Id).Take(MaxUpcoming), language)
                .ToListAsync(cancellationToken);
            var past = await Project(mine.Where(x => x.S.ClosesOn < today).OrderByDescending(x => x.S.OpensOn).ThenByDescending(x => x.S.Id).ThenBy(x => x.P.Id).Take(MaxPast), language)
                .ToListAsync(cancellationToken);
            if (upcoming.Count == 0 && past.Count == 0)
            {
                return new Model([], []);
            }

            // What a delegation does, its members holding a place see; a withdrawn or rejected participant sees only their status.
            var active = upcoming.Where(r => Participant.HoldingAPlace.Contains(r.Status)).ToList();
            var delegationIds = active.Select(r => r.DelegationId).ToList();
            var meetings = active.Count == 0 ? [] : await checkIn.OpenAsync(userId, cancellationToken);
            var onlineLinks = active.Count == 0 ? [] : await OnlineLinks.ForParticipantAsync(db, userId, now, cancellationToken);
            var slots = active.Count == 0 ? [] : (await speakingSlots.HandleAsync(userId, language, 1)).Rows.Where(r => delegationIds.Contains(r.DelegationId)).ToList();
            var statements = active.Count == 0 ? [] : await (
                    from w in db.WrittenStatements.AsNoTracking()
                    join d in db.Delegations.Where(d => delegationIds.Contains(d.Id)) on new { w.SessionId, w.OrganisationId } equals new { d.SessionId, d.OrganisationId }
                    orderby w.SubmittedAt descending, w.Id descending
                    select new { DelegationId = d.Id, w.Id, w.Title, w.Status, w.Symbol, IsMine = w.SubmittedByUserId == userId })
                .Take(MaxStatements)
                .ToListAsync(cancellationToken);

            Participation ToParticipation(Row r, bool isPast)
            {
                var holdsAPlace = !isPast && Participant.HoldingAPlace.Contains(r.Status);
                var deadlines = new SessionDeadlines(r.ClosesOn, r.RegistrationDeadline, StatementRules.DeadlineOf(r.StatementDeadline, r.OpensOn, r.TimeZoneId), r.InscriptionOpensAt, r.InscriptionClosesAt);
                DateTime? Local(DateTime? utc) => utc is null ? null : VenueClock.ToLocal(utc.Value, r.TimeZoneId);
                return new Participation(
                    r.ParticipantId,
                    r.SessionId,
                    r.Symbol,
                    r.Title,
                    r.OpensOn,
                    r.ClosesOn,
                    r.TimeZoneId,
                    r.DelegationId,
                    r.Delegation,
                    r.Status,
                    r.DelegationStatus,
                    !isPast && r.Status == ParticipantStatus.Nominated ? r.ConfirmationToken : null,
                    isPast ? null : r.BadgeToken,
                    r.Attendance,
                    isPast,
                    NextSteps.For(r.Status, r.DelegationStatus, deadlines, now, r.GroundsPassIncomplete).Select(s => new Step(s.Kind, Local(s.From), Local(s.By))).ToList(),
                    holdsAPlace
                        ? meetings.Where(m => m.SessionSymbol == r.Symbol).Select(m => new CheckInMeeting(m.Number, VenueClock.ToLocal(m.StartsAt, r.TimeZoneId), m.Room, m.Present, m.Name)).ToList()
                        : [],
                    holdsAPlace
                        ? slots.Where(s => s.DelegationId == r.DelegationId).Select(s => new Slot(s.ListId, s.AgendaItem, s.MeetingNumber, s.Status, s.Speaker, s.Wait)).ToList()
                        : [],
                    holdsAPlace
                        ? statements.Where(s => s.DelegationId == r.DelegationId).Select(s => new Statement(s.Id, s.Title, s.Status, s.Symbol, s.IsMine)).ToList()
                        : [],
                    holdsAPlace
                        ? onlineLinks.Where(l => l.SessionId == r.SessionId).Select(l => new OnlineMeeting(l.MeetingNumber, VenueClock.ToLocal(l.StartsAt, r.TimeZoneId), l.Url)).ToList()
                        : []);
            }

            return new Model(upcoming.Select(r => ToParticipation(r, false)).ToList(), past.Select(r => ToParticipation(r, true)).ToList());
        }

        private IQueryable<Row> Project(IQueryable<Joined> rows, string language) => rows.Select(x => new Row(
            x.P.Id,
            x.P.Status,
            x.P.ConfirmationToken,
            x.P.Status == ParticipantStatus.Approved && x.P.BadgeRevokedAt == null ? x.P.BadgeToken : null,
            x.D.Id,
            x.D.Status,
            db.Organisations.Where(o => o.Id == x.D.OrganisationId)
                .Select(o => o.OriginalLanguage == language ? o.Name : o.Names.Where(n => n.Language == language).Select(n => n.Name).FirstOrDefault() ?? o.Name).Single(),
            x.S.Id,
            x.S.Symbol,
            x.S.Title,
            x.S.TimeZoneId,
            x.S.OpensOn,
            x.S.ClosesOn,
            x.S.RegistrationDeadline,
            x.S.StatementDeadline,
            x.S.InscriptionOpensAt,
            x.S.InscriptionClosesAt,
            x.P.Attendance,
            new GroundsPassRequirements(x.S.AsksForPhoto, x.S.AsksForIdentityDocument),
            new GroundsPassState(x.P.PhotoFileId != null, x.P.Nationality, x.P.IdentityDocumentNumber, x.P.IdentityDocumentExpiresOn)));
    }
}
