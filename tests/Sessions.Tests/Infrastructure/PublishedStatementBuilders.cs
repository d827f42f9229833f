using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Bodies;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Files;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;
using Sessions.Core.Sessions;
using Sessions.Core.Statements;

namespace Sessions.Tests.Infrastructure;

/// <summary>
/// Sessions with written statements in any state, written straight to the database through the statement's own rules
/// (submitted, answered by co-sponsors, then issued, rejected or withdrawn), for the publication tests.
/// </summary>
public static class PublishedStatementBuilders
{
    public static readonly byte[] DocxSignature = "PK\u0003\u0004"u8.ToArray();

    /// <summary>A published session (or not) with two agenda items, and a stakeholder organisation whose approved delegation submits.</summary>
    public sealed record StatementScenario(int BodyId, int SessionId, int FirstItemId, int SecondItemId, int OrganisationId, int DelegationId);

    /// <summary>What a statement is made of; everything but the title has a default.</summary>
    public sealed record StatementSpec(string Title)
    {
        public int? AgendaItemId { get; init; }
        public string Language { get; init; } = Languages.English;
        public string Text { get; init; } = "Cities need adequate housing for all.\n\nWe call on Member States to act.";
        public StatementFormat Format { get; init; } = StatementFormat.Text;

        /// <summary>The document's bytes for DOCX or PDF.</summary>
        public byte[]? File { get; init; }

        public string FileName { get; init; } = "statement.docx";
        public IReadOnlyList<(int OrganisationId, StatementTier Tier, CoSponsorAnswer Answer)> CoSponsors { get; init; } = [];
        public IReadOnlyList<string> Supporters { get; init; } = [];

        /// <summary>Where the statement ends: Issued by default.</summary>
        public StatementStatus Status { get; init; } = StatementStatus.Issued;

        public DateOnly? IssuedOn { get; init; }
    }

    public static async Task<StatementScenario> AddPublishedSessionAsync(this SessionsAppFactory factory, bool published = true, string organisationName = "Habitat International Coalition")
    {
        var bodyId = await factory.AddBodyAsync(BodyKind.Assembly);
        var sessionId = await factory.AddSessionAsync(bodyId, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(60)), published: published, configure: s =>
        {
            s.AddAgendaItem("4", "Report of the Executive Director.");
            s.AddAgendaItem("6", "Adequate housing for all.");
        });
        var items = await factory.WithDbAsync(db => db.AgendaItems.Where(a => a.SessionId == sessionId).OrderBy(a => a.Sequence).Select(a => a.Id).ToListAsync());
        var organisationId = await factory.AddOrganisationAsync($"{organisationName} {OrganisationSeeding.UniqueToken()}", OrganisationCategory.NonGovernmentalOrganisation);
        var delegation = await factory.AddDelegationAsync(sessionId, organisationId, Capacity.Stakeholder, RegistrationStatus.Approved, [DelegationBuilders.Nominee("Rosa", "Delgado")]);
        return new StatementScenario(bodyId, sessionId, items[0], items[1], organisationId, delegation.Id);
    }

    /// <summary>An organisation with names in other languages (the reader's language decides which one is shown).</summary>
    public static Task<int> AddOrganisationWithNamesAsync(this SessionsAppFactory factory, string name, string language, OrganisationCategory category, params (string Language, string Name)[] translations) =>
        factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            var organisation = new Organisation(name, language, category) { CreatedAt = DateTime.UtcNow };
            foreach (var (code, translated) in translations)
            {
                organisation.SetTranslatedName(code, translated);
            }

            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
            return organisation.Id;
        });

    /// <summary>Submits the statement as the scenario's delegation and brings it to <see cref="StatementSpec.Status"/>; issued ones take the next number of their series.</summary>
    public static Task<int> AddPublishedStatementAsync(this SessionsAppFactory factory, StatementScenario scenario, StatementSpec spec) =>
        factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            var at = DateTime.UtcNow;
            var session = await db.Sessions.SingleAsync(s => s.Id == scenario.SessionId);
            var delegation = await db.Delegations.SingleAsync(d => d.Id == scenario.DelegationId);
            Guid? fileId = null;
            if (spec.File is { } bytes)
            {
                var file = await sp.GetRequiredService<IFileStore>().SaveAsync(new MemoryStream(bytes), spec.FileName, UploadRule.StatementDocument, null);
                db.StoredFiles.Add(file);
                fileId = file.Id;
            }

            var submission = new StatementSubmission(
                scenario.SessionId,
                spec.AgendaItemId ?? scenario.SecondItemId,
                delegation,
                StatementTier.EcosocSpecial,
                spec.Title,
                spec.Language,
                spec.Format,
                fileId,
                spec.Text,
                WordCount.Of(spec.Text),
                spec.CoSponsors.Select(c => (c.OrganisationId, c.Tier)).ToList(),
                spec.Supporters,
                "builder");
            var statement = WrittenStatement.Submit(submission, StatementRules.ForSession(scenario.SessionId), session, at);
            foreach (var (organisationId, _, answer) in spec.CoSponsors.Where(c => c.Answer != CoSponsorAnswer.Pending))
            {
                statement.Answer(organisationId, answer == CoSponsorAnswer.Confirmed, "builder", at);
            }

            if (spec.Status != StatementStatus.AwaitingCoSponsors && statement.Status == StatementStatus.AwaitingCoSponsors)
            {
                statement.ProceedWithoutWaiting("builder", at);
            }

            switch (spec.Status)
            {
                case StatementStatus.Issued:
                    var series = StatementSymbols.Series(StatementRules.ForSession(scenario.SessionId).SeriesPatternFor(delegation.Capacity), session.Symbol);
                    var last = await db.WrittenStatements.Where(w => w.SessionId == scenario.SessionId && w.Series == series).MaxAsync(w => w.Number) ?? 0;
                    statement.Issue(series, last + 1, spec.IssuedOn ?? DateOnly.FromDateTime(session.ToLocal(at)), "builder", at);
                    break;
                case StatementStatus.Rejected:
                    statement.Reject("Not on the agenda item.", "builder", at);
                    break;
                case StatementStatus.Withdrawn:
                    statement.Withdraw("builder", at);
                    break;
            }

            db.WrittenStatements.Add(statement);
            await db.SaveChangesAsync();
            return statement.Id;
        });

    public static Task<string?> PublishedSymbolAsync(this SessionsAppFactory factory, int statementId) =>
        factory.WithDbAsync(db => db.WrittenStatements.Where(w => w.Id == statementId).Select(w => w.Symbol).SingleAsync());
}
