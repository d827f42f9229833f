using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Sessions.Core.Attendance;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;

namespace Sessions.Web.Features.Attendance.Statistics;

/// <summary>
/// Who took part as observers in the sessions of a body that opened within a date range: the organisations that
/// attended (each counted once across the sessions), those that made statements, and their oral and written
/// statements, by organisation category and per session, and how their participants took part (in the room, online:
/// someone who did both counts in both). Every figure is an aggregate of <see cref="Participation"/>.
/// </summary>
public static class CountParticipation
{
    public const int DefaultYears = 3;

    /// <summary>What the form sends: any of them may be missing (the defaults fill them in).</summary>
    public sealed class Query
    {
        [Display(Name = "Body")]
        public int? BodyId { get; set; }

        [Display(Name = "Sessions opening from")]
        public DateOnly? From { get; set; }

        [Display(Name = "Sessions opening until")]
        public DateOnly? To { get; set; }
    }

    public sealed record BodyOption(int Id, TranslatedText Name, string SymbolPrefix);

    public sealed record SessionRow(int Id, string Symbol, TranslatedText Title, DateOnly OpensOn, DateOnly ClosesOn,
        int OrganisationsAttending, int OrganisationsWithStatements, int ParticipantsAttended, int OralStatements, int WrittenStatements,
        int ParticipantsInTheRoom = 0, int ParticipantsOnline = 0);

    public sealed record CategoryRow(OrganisationCategory Category, int OrganisationsAttending, int OrganisationsWithStatements, int OralStatements, int WrittenStatements);

    public sealed record OrganisationRow(int Id, string Name, OrganisationCategory Category, string? CountryCode,
        int SessionsAttended, int OralStatements, int WrittenStatements, int WrittenStatementsCoSponsored);

    public sealed record Figures(
        int BodyId,
        TranslatedText BodyName,
        DateOnly From,
        DateOnly To,
        IReadOnlyList<SessionRow> Sessions,
        IReadOnlyList<CategoryRow> Categories,
        IReadOnlyList<OrganisationRow> OrganisationsWithStatements,
        int OrganisationsAttending,
        int OralStatements,
        int WrittenStatements,
        int ObserversInTheRoom = 0,
        int ObserversOnline = 0)
    {
        public int OrganisationsThatMadeStatements => OrganisationsWithStatements.Count;

        public int Statements => OralStatements + WrittenStatements;
    }

    /// <summary>A refusal to show on the form: the field it concerns and its English message key.</summary>
    public sealed record Problem(string Field, string Message);

    public sealed record Model(int? BodyId, DateOnly? From, DateOnly? To, IReadOnlyList<BodyOption> Bodies, IReadOnlyList<Problem> Problems, Figures? Figures);

    public sealed class Handler(SessionsDbContext db, TimeProvider clock)
    {
        /// <summary>The bodies to choose from, in the order of the list of bodies.</summary>
        public Task<List<BodyOption>> BodiesAsync(CancellationToken ct) =>
            db.Bodies.AsNoTracking()
                .OrderBy(b => b.Kind).ThenBy(b => b.SymbolPrefix)
                .Select(b => new BodyOption(b.Id, b.Name, b.SymbolPrefix))
                .ToListAsync(ct);

        /// <summary>The form alone, as typed, when model binding already refused a value.</summary>
        public async Task<Model> FormAsync(Query query, CancellationToken ct) =>
            new(query.BodyId, query.From, query.To, await BodiesAsync(ct), [], null);

        public async Task<Model> HandleAsync(Query query, string language, CancellationToken ct)
        {
            var bodies = await BodiesAsync(ct);
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            var to = query.To ?? today;
            var from = query.From ?? to.AddYears(-DefaultYears);
            var bodyId = query.BodyId ?? bodies.FirstOrDefault()?.Id;
            var problems = new List<Problem>();
            if (from > to)
            {
                problems.Add(new Problem(nameof(Query.To), "The end of the period must not be before its start."));
            }

            var body = bodies.FirstOrDefault(b => b.Id == bodyId);
            if (bodies.Count == 0)
            {
                problems.Add(new Problem(nameof(Query.BodyId), "There is no body yet: create one under Bodies first."));
            }
            else if (body is null)
            {
                problems.Add(new Problem(nameof(Query.BodyId), "There is no such body. Choose one from the list."));
            }

            if (problems.Count > 0 || body is null)
            {
                // Typed values as typed, blanks filled with the defaults the figures would have used.
                return new Model(bodyId, from, to, bodies, problems, null);
            }

            return new Model(body.Id, from, to, bodies, [], await FiguresAsync(body, from, to, language, ct));
        }

        private async Task<Figures> FiguresAsync(BodyOption body, DateOnly from, DateOnly to, string language, CancellationToken ct)
        {
            var sessions = await db.Sessions.AsNoTracking()
                .Where(s => s.BodyId == body.Id && s.OpensOn >= from && s.OpensOn <= to)
                .OrderBy(s => s.OpensOn).ThenBy(s => s.Number)
                .Select(s => new { s.Id, s.Symbol, s.Title, s.OpensOn, s.ClosesOn })
                .ToListAsync(ct);
            var rows = sessions.Count == 0
                ? []
                : await Participation.OfSessionsAsync(db, sessions.Select(s => s.Id).ToList(), ct);
            var observers = rows.Where(r => Capacities.IsObserver(r.Capacity) && r.TookPart).ToList();
            var bySession = observers.ToLookup(r => r.SessionId);
            var byOrganisation = observers.ToLookup(r => r.OrganisationId);

            var perSession = sessions
                .Select(s =>
                {
                    var of = bySession[s.Id].ToList();
                    return new SessionRow(s.Id, s.Symbol, s.Title, s.OpensOn, s.ClosesOn,
                        of.Select(r => r.OrganisationId).Distinct().Count(),
                        of.Where(r => r.MadeStatements).Select(r => r.OrganisationId).Distinct().Count(),
                        of.Sum(r => r.ParticipantsAttended),
                        of.Sum(r => r.OralStatements),
                        of.Sum(r => r.WrittenStatements),
                        of.Sum(r => r.ParticipantsInTheRoom),
                        of.Sum(r => r.ParticipantsOnline));
                })
                .ToList();

            var perCategory = observers
                .GroupBy(r => r.Category)
                .OrderBy(g => g.Key)
                .Select(g => new CategoryRow(
                    g.Key,
                    g.Select(r => r.OrganisationId).Distinct().Count(),
                    g.Where(r => r.MadeStatements).Select(r => r.OrganisationId).Distinct().Count(),
                    g.Sum(r => r.OralStatements),
                    g.Sum(r => r.WrittenStatements)))
                .ToList();

            var speakers = observers.Where(r => r.MadeStatements).Select(r => r.OrganisationId).Distinct().ToList();
            var organisations = await db.Organisations.AsNoTracking()
                .Where(o => speakers.Contains(o.Id))
                .Select(o => new
                {
                    o.Id,
                    o.Name,
                    o.OriginalLanguage,
                    o.CountryCode,
                    Translated = o.Names.Where(n => n.Language == language).Select(n => n.Name).FirstOrDefault(),
                })
                .ToListAsync(ct);
            var withStatements = organisations
                .Select(o =>
                {
                    var of = byOrganisation[o.Id].ToList();
                    var name = o.OriginalLanguage == language ? o.Name : o.Translated ?? o.Name;
                    return new OrganisationRow(o.Id, name, of[0].Category, o.CountryCode,
                        of.Select(r => r.SessionId).Distinct().Count(),
                        of.Sum(r => r.OralStatements),
                        of.Sum(r => r.WrittenStatements),
                        of.Sum(r => r.WrittenStatementsCoSponsored));
                })
                .OrderBy(o => o.Name, StringComparer.Create(System.Globalization.CultureInfo.CurrentCulture, ignoreCase: true))
                .ToList();

            return new Figures(body.Id, body.Name, from, to, perSession, perCategory, withStatements,
                observers.Select(r => r.OrganisationId).Distinct().Count(),
                observers.Sum(r => r.OralStatements),
                observers.Sum(r => r.WrittenStatements),
                observers.Sum(r => r.ParticipantsInTheRoom),
                observers.Sum(r => r.ParticipantsOnline));
        }
    }
}
