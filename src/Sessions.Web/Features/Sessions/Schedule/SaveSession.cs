using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Registration;
using Sessions.Core.Sessions;
using Sessions.Web.Features.Registration.Delegations;
using Sessions.Web.Infrastructure.Forms;

namespace Sessions.Web.Features.Sessions.Schedule;

/// <summary>
/// Creates or edits a session. Deadlines are typed in the session's own time zone and stored in UTC,
/// so the secretariat reads "23:59 in Nairobi" whatever the server's clock says.
/// </summary>
public static class SaveSession
{
    public const string DefaultTimeZone = "Africa/Nairobi";

    public sealed record BodyOption(int Id, TranslatedText Name, string SymbolPrefix);

    public sealed class Command
    {
        public int Id { get; set; }

        public Guid Version { get; set; }

        [Required(ErrorMessage = "Choose the body.")]
        [Display(Name = "Body")]
        public int? BodyId { get; set; }

        [Required(ErrorMessage = "Enter the session number.")]
        [Range(1, 10000, ErrorMessage = "{0} must be between {1} and {2}.")]
        [Display(Name = "Session number")]
        public int? Number { get; set; }

        [Required(ErrorMessage = "Enter the symbol of the session, e.g. HSP/HA.2.")]
        [StringLength(50, ErrorMessage = "{0} is too long: at most {1} characters.")]
        [Display(Name = "Symbol")]
        public string Symbol { get; set; } = "";

        /// <summary>The title in the languages it exists in; its original is required.</summary>
        public TranslatedTextForm Title { get; set; } = new();

        /// <summary>The venue ("Nairobi") in the languages it exists in.</summary>
        public TranslatedTextForm Venue { get; set; } = new();

        [Required(ErrorMessage = "Choose the time zone of the venue.")]
        [Display(Name = "Time zone")]
        public string TimeZoneId { get; set; } = DefaultTimeZone;

        [Required(ErrorMessage = "Enter the opening date.")]
        [Display(Name = "Opens on")]
        public DateOnly? OpensOn { get; set; }

        [Required(ErrorMessage = "Enter the closing date.")]
        [Display(Name = "Closes on")]
        public DateOnly? ClosesOn { get; set; }

        [Display(Name = "Nomination deadline")]
        public DateTime? NominationDeadline { get; set; }

        [Display(Name = "Registration deadline")]
        public DateTime? RegistrationDeadline { get; set; }

        [Display(Name = "Written statements deadline")]
        public DateTime? StatementDeadline { get; set; }

        [Display(Name = "Speaker inscription opens")]
        public DateTime? InscriptionOpensAt { get; set; }

        [Display(Name = "Speaker inscription closes")]
        public DateTime? InscriptionClosesAt { get; set; }

        [Display(Name = "Visa letter requests close")]
        public DateTime? VisaRequestDeadline { get; set; }

        /// <summary>The day pre-session documents are due in all six languages; empty for six weeks before the opening.</summary>
        [Display(Name = "Documents due on")]
        public DateOnly? DocumentsDueOn { get; set; }

        [Display(Name = "Working language of the session's letters")]
        public string WorkingLanguage { get; set; } = Languages.English;

        [Range(0, 100, ErrorMessage = "{0} must be between {1} and {2}.")]
        [Display(Name = "Observers per organisation for this session")]
        public int? ObserverQuotaOverride { get; set; }

        [Range(1, 1_000_000, ErrorMessage = "{0} must be between {1} and {2}.")]
        [Display(Name = "Overall observer capacity")]
        public int? ObserverCapacity { get; set; }

        [Display(Name = "Published on the public list")]
        public bool IsPublished { get; set; } = true;

        [Display(Name = "Held")]
        public SessionFormat Format { get; set; } = SessionFormat.InPerson;

        [Display(Name = "Ask for a photo before approval (grounds pass)")]
        public bool AsksForPhoto { get; set; }

        [Display(Name = "Ask for nationality and an identity document before approval")]
        public bool AsksForIdentityDocument { get; set; }

        [BindNever]
        public IReadOnlyList<BodyOption> Bodies { get; set; } = [];
    }

    /// <summary>Every IANA time zone the server knows, by UTC offset then name: "(UTC+03:00) Africa/Nairobi".</summary>
    public static IReadOnlyList<(string Id, string Label)> TimeZones { get; } = TimeZoneInfo.GetSystemTimeZones()
        .OrderBy(z => z.BaseUtcOffset).ThenBy(z => z.Id, StringComparer.Ordinal)
        .Select(z => (z.Id, $"(UTC{(z.BaseUtcOffset < TimeSpan.Zero ? "-" : "+")}{z.BaseUtcOffset:hh\\:mm}) {z.Id}"))
        .ToList();

    public sealed class Handler(SessionsDbContext db, Notices.Reminders.ScheduleReminders.Handler reminders, PromoteFromWaitlist.Handler waitlist)
    {
        /// <summary>A blank form for a session of the body, its number and symbol proposed after the body's last session.</summary>
        public async Task<Command> NewAsync(int? bodyId)
        {
            var command = new Command { BodyId = bodyId };
            await FillOptionsAsync(command);
            var body = command.Bodies.FirstOrDefault(b => b.Id == bodyId) ?? command.Bodies.FirstOrDefault();
            if (body is not null)
            {
                var last = await db.Sessions.Where(s => s.BodyId == body.Id).MaxAsync(s => (int?)s.Number) ?? 0;
                command.BodyId = body.Id;
                command.Number = last + 1;
                command.Symbol = Session.ProposeSymbol(body.SymbolPrefix, last + 1);
            }

            return command;
        }

        public async Task FillOptionsAsync(Command command)
        {
            command.Bodies = await db.Bodies.AsNoTracking().OrderBy(b => b.Kind).ThenBy(b => b.Name.Original)
                .Select(b => new BodyOption(b.Id, b.Name, b.SymbolPrefix))
                .ToListAsync();
        }

        public async Task<Command?> LoadAsync(int id)
        {
            var session = await db.Sessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id);
            if (session is null)
            {
                return null;
            }

            var command = new Command
            {
                Id = session.Id,
                Version = session.Version,
                BodyId = session.BodyId,
                Number = session.Number,
                Symbol = session.Symbol,
                Title = TranslatedTextForm.From(session.Title),
                Venue = TranslatedTextForm.From(session.Venue),
                TimeZoneId = session.TimeZoneId,
                OpensOn = session.OpensOn,
                ClosesOn = session.ClosesOn,
                NominationDeadline = session.ToLocal(session.NominationDeadline),
                RegistrationDeadline = session.ToLocal(session.RegistrationDeadline),
                StatementDeadline = session.ToLocal(session.StatementDeadline),
                InscriptionOpensAt = session.ToLocal(session.InscriptionOpensAt),
                InscriptionClosesAt = session.ToLocal(session.InscriptionClosesAt),
                VisaRequestDeadline = session.ToLocal(session.VisaRequestDeadline),
                WorkingLanguage = session.WorkingLanguage,
                DocumentsDueOn = session.DocumentsDueOn,
                ObserverQuotaOverride = session.ObserverQuotaOverride,
                ObserverCapacity = session.ObserverCapacity,
                IsPublished = session.IsPublished,
                Format = session.Format,
                AsksForPhoto = session.AsksForPhoto,
                AsksForIdentityDocument = session.AsksForIdentityDocument,
            };
            await FillOptionsAsync(command);
            return command;
        }

        public async Task<int> CreateAsync(Command command)
        {
            if (!await db.Bodies.AnyAsync(b => b.Id == command.BodyId))
            {
                throw new DomainException("Choose the body.");
            }

            var checks = new RuleChecks();
            await checks.CheckAsync(() => EnsureSymbolIsFreeAsync(command.Symbol, 0), nameof(Command.Symbol));
            Session? session = null;
            checks.Check(() => session = new Session(command.BodyId!.Value, command.Number!.Value, command.Symbol, command.Title.ToText(), command.Venue.ToText(), command.TimeZoneId, command.OpensOn!.Value, command.ClosesOn!.Value), nameof(Command.ClosesOn));
            if (session is not null)
            {
                Apply(session, command, checks);
            }

            checks.ThrowIfAnyRefused();
            var created = session!;
            db.Sessions.Add(created);
            await db.SaveChangesAsync();
            return created.Id;
        }

        /// <summary>False when the session does not exist; throws DbUpdateConcurrencyException when someone saved it in between.</summary>
        public async Task<bool> UpdateAsync(Command command)
        {
            var session = await db.Sessions.SingleOrDefaultAsync(s => s.Id == command.Id);
            if (session is null)
            {
                return false;
            }

            db.Entry(session).Property(s => s.Version).OriginalValue = command.Version;
            var checks = new RuleChecks();
            await checks.CheckAsync(() => EnsureSymbolIsFreeAsync(command.Symbol, session.Id), nameof(Command.Symbol));
            checks.Check(() => session.Describe(command.Number!.Value, command.Symbol));
            checks.Check(() => command.Title.ApplyTo(session.Title));
            checks.Check(() => command.Venue.ApplyTo(session.Venue));
            checks.Check(() => session.SetTimeZone(command.TimeZoneId), nameof(Command.TimeZoneId));
            checks.Check(() => session.SetDates(command.OpensOn!.Value, command.ClosesOn!.Value), nameof(Command.ClosesOn));
            var capacityBefore = session.ObserverCapacity;
            Apply(session, command, checks);
            checks.ThrowIfAnyRefused();
            await reminders.RescheduleAsync(session);
            if (capacityBefore is { } before && (session.ObserverCapacity is null || session.ObserverCapacity > before))
            {
                await waitlist.FillFreePlacesAsync(session);
            }

            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.SaveChangesAsync();

            // A session now held one way only decides how each of its participants attends.
            if (WayOfAttending.FixedBy(session.Format) is { } way)
            {
                await db.Participants
                    .Where(p => p.Attendance != way && db.Delegations.Any(d => d.Id == p.DelegationId && d.SessionId == session.Id))
                    .ExecuteUpdateAsync(p => p.SetProperty(x => x.Attendance, way).SetProperty(x => x.Version, Guid.NewGuid()));
            }

            await transaction.CommitAsync();
            return true;
        }

        private static void Apply(Session session, Command command, RuleChecks checks)
        {
            session.NominationDeadline = session.ToUtc(command.NominationDeadline);
            session.RegistrationDeadline = session.ToUtc(command.RegistrationDeadline);
            session.StatementDeadline = session.ToUtc(command.StatementDeadline);
            checks.Check(() => session.SetInscriptionWindow(session.ToUtc(command.InscriptionOpensAt), session.ToUtc(command.InscriptionClosesAt)), nameof(Command.InscriptionClosesAt));
            session.VisaRequestDeadline = session.ToUtc(command.VisaRequestDeadline);
            session.WorkingLanguage = Languages.OrDefault(command.WorkingLanguage);
            session.DocumentsDueOn = command.DocumentsDueOn;
            session.ObserverQuotaOverride = command.ObserverQuotaOverride;
            session.ObserverCapacity = command.ObserverCapacity;
            session.IsPublished = command.IsPublished;
            checks.Check(() => session.HoldAs(command.Format), nameof(Command.Format));
            session.AsksForPhoto = command.AsksForPhoto;
            session.AsksForIdentityDocument = command.AsksForIdentityDocument;
        }

        private async Task EnsureSymbolIsFreeAsync(string symbol, int sessionId)
        {
            var trimmed = symbol.Trim();
            if (await db.Sessions.AnyAsync(s => s.Symbol == trimmed && s.Id != sessionId))
            {
                throw new DomainException("The symbol {0} is already used by another session.", trimmed);
            }
        }
    }

    /// <summary>The value of a datetime-local input, whatever the interface language.</summary>
    public static string ForInput(DateTime? value) => value?.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture) ?? "";
}
