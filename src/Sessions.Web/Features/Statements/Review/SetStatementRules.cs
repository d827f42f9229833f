using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Sessions.Core.Data;
using Sessions.Core.Statements;
using Sessions.Core.Common;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;

namespace Sessions.Web.Features.Statements.Review;

/// <summary>
/// The session's rules for written statements: word limits by tier and for joint statements, what happens after the
/// deadline, the languages accepted, who may submit and the symbol series. A session that never saved them shows the
/// defaults; the first save creates its row. Saved over the version the form was opened on.
/// </summary>
public static class SetStatementRules
{
    public sealed class Command
    {
        [BindNever]
        public int SessionId { get; set; }

        [BindNever]
        public string SessionSymbol { get; set; } = "";

        [BindNever]
        [ValidateNever]
        public TranslatedText? SessionTitle { get; set; }

        [BindNever]
        public string TimeZoneId { get; set; } = "";

        /// <summary>The deadline at the venue; it is set on the session form.</summary>
        [BindNever]
        public DateTime Deadline { get; set; }

        [BindNever]
        public bool DeadlineIsDefault { get; set; }

        public Guid Version { get; set; }

        [Required(ErrorMessage = "Enter this word limit.")]
        [Range(1, StatementRules.MaxWordLimit, ErrorMessage = "A word limit is a whole number from {1} to {2}.")]
        [Display(Name = "Limit for States")]
        public int? StateWordLimit { get; set; }

        [Required(ErrorMessage = "Enter this word limit.")]
        [Range(1, StatementRules.MaxWordLimit, ErrorMessage = "A word limit is a whole number from {1} to {2}.")]
        [Display(Name = "Limit for the UN system")]
        public int? UnSystemWordLimit { get; set; }

        [Required(ErrorMessage = "Enter this word limit.")]
        [Range(1, StatementRules.MaxWordLimit, ErrorMessage = "A word limit is a whole number from {1} to {2}.")]
        [Display(Name = "Limit for intergovernmental organisations")]
        public int? IntergovernmentalWordLimit { get; set; }

        [Required(ErrorMessage = "Enter this word limit.")]
        [Range(1, StatementRules.MaxWordLimit, ErrorMessage = "A word limit is a whole number from {1} to {2}.")]
        [Display(Name = "Limit for ECOSOC general status")]
        public int? EcosocGeneralWordLimit { get; set; }

        [Required(ErrorMessage = "Enter this word limit.")]
        [Range(1, StatementRules.MaxWordLimit, ErrorMessage = "A word limit is a whole number from {1} to {2}.")]
        [Display(Name = "Limit for ECOSOC special status")]
        public int? EcosocSpecialWordLimit { get; set; }

        [Required(ErrorMessage = "Enter this word limit.")]
        [Range(1, StatementRules.MaxWordLimit, ErrorMessage = "A word limit is a whole number from {1} to {2}.")]
        [Display(Name = "Limit for the ECOSOC roster")]
        public int? EcosocRosterWordLimit { get; set; }

        [Required(ErrorMessage = "Enter this word limit.")]
        [Range(1, StatementRules.MaxWordLimit, ErrorMessage = "A word limit is a whole number from {1} to {2}.")]
        [Display(Name = "Limit for other accreditations")]
        public int? OtherAccreditationWordLimit { get; set; }

        [Required(ErrorMessage = "Enter this word limit.")]
        [Range(1, StatementRules.MaxWordLimit, ErrorMessage = "A word limit is a whole number from {1} to {2}.")]
        [Display(Name = "Limit for joint statements")]
        public int? JointWordLimit { get; set; }

        [Display(Name = "Statements after the deadline")]
        public LateStatements LateStatements { get; set; } = LateStatements.Refuse;

        [Display(Name = "Languages accepted for statements")]
        public List<string> Languages { get; set; } = [];

        [Display(Name = "Who may submit statements")]
        public List<StatementSubmitters> Submitters { get; set; } = [];

        [Required(ErrorMessage = "Enter this series.")]
        [Display(Name = "Series for statements of States")]
        public string? StateSeries { get; set; }

        [Required(ErrorMessage = "Enter this series.")]
        [Display(Name = "Series for statements of the UN system and IGOs")]
        public string? IntergovernmentalSeries { get; set; }

        [Required(ErrorMessage = "Enter this series.")]
        [Display(Name = "Series for statements of stakeholders")]
        public string? StakeholderSeries { get; set; }
    }

    /// <summary>The kinds of submitter offered on the form, in the order of the flags.</summary>
    public static readonly IReadOnlyList<StatementSubmitters> SubmitterChoices =
        [StatementSubmitters.Members, StatementSubmitters.ObserverStates, StatementSubmitters.UnSystem, StatementSubmitters.IntergovernmentalOrganisations, StatementSubmitters.Stakeholders];

    public sealed class Handler(SessionsDbContext db)
    {
        /// <summary>The saved rules, or the defaults when the session has none yet; null when there is no such session.</summary>
        public async Task<Command?> LoadAsync(int sessionId)
        {
            var rules = await db.StatementRules.AsNoTracking().SingleOrDefaultAsync(r => r.SessionId == sessionId) ?? StatementRules.ForSession(sessionId);
            var command = new Command
            {
                SessionId = sessionId,
                Version = rules.Version,
                StateWordLimit = rules.StateWordLimit,
                UnSystemWordLimit = rules.UnSystemWordLimit,
                IntergovernmentalWordLimit = rules.IntergovernmentalWordLimit,
                EcosocGeneralWordLimit = rules.EcosocGeneralWordLimit,
                EcosocSpecialWordLimit = rules.EcosocSpecialWordLimit,
                EcosocRosterWordLimit = rules.EcosocRosterWordLimit,
                OtherAccreditationWordLimit = rules.OtherAccreditationWordLimit,
                JointWordLimit = rules.JointWordLimit,
                LateStatements = rules.LateStatements,
                Languages = [.. rules.AcceptedLanguageCodes],
                Submitters = SubmitterChoices.Where(s => rules.Submitters.HasFlag(s)).ToList(),
                StateSeries = rules.StateSeries,
                IntergovernmentalSeries = rules.IntergovernmentalSeries,
                StakeholderSeries = rules.StakeholderSeries,
            };
            return await DescribeAsync(command) ? command : null;
        }

        /// <summary>Fills what the form shows but does not post; false when there is no such session.</summary>
        public async Task<bool> DescribeAsync(Command command)
        {
            var session = await db.Sessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == command.SessionId);
            if (session is null)
            {
                return false;
            }

            command.SessionSymbol = session.Symbol;
            command.SessionTitle = session.Title;
            command.TimeZoneId = session.TimeZoneId;
            command.Deadline = session.ToLocal(StatementRules.DeadlineOf(session));
            command.DeadlineIsDefault = session.StatementDeadline is null;
            return true;
        }

        /// <summary>
        /// False when there is no such session. Rules changed since the form was opened throw
        /// <see cref="DbUpdateConcurrencyException"/>; a refused setting a <see cref="Core.Common.DomainException"/>.
        /// </summary>
        public async Task<bool> HandleAsync(Command command)
        {
            if (!await db.Sessions.AnyAsync(s => s.Id == command.SessionId))
            {
                return false;
            }

            var rules = await db.StatementRules.SingleOrDefaultAsync(r => r.SessionId == command.SessionId);
            var isNew = rules is null;
            rules ??= StatementRules.ForSession(command.SessionId);
            rules.SetWordLimits(
                command.StateWordLimit!.Value,
                command.UnSystemWordLimit!.Value,
                command.IntergovernmentalWordLimit!.Value,
                command.EcosocGeneralWordLimit!.Value,
                command.EcosocSpecialWordLimit!.Value,
                command.EcosocRosterWordLimit!.Value,
                command.OtherAccreditationWordLimit!.Value,
                command.JointWordLimit!.Value);
            rules.SetLateStatements(command.LateStatements);
            rules.SetLanguages(command.Languages);
            rules.SetSubmitters(command.Submitters.Aggregate(StatementSubmitters.None, (all, s) => all | s));
            rules.SetSeries(command.StateSeries!, command.IntergovernmentalSeries!, command.StakeholderSeries!);
            if (isNew)
            {
                db.StatementRules.Add(rules);
            }
            else
            {
                db.Entry(rules).Property(r => r.Version).OriginalValue = command.Version;
            }

            try
            {
                await db.SaveChangesExpectingCollisionAsync();
            }
            catch (DbUpdateException e) when (isNew && e is not DbUpdateConcurrencyException)
            {
                // Someone else saved the session's first rules at the same moment.
                throw new DbUpdateConcurrencyException(e.Message, e);
            }

            return true;
        }
    }
}
