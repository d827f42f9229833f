using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Accounts;
using Sessions.Core.Data;
using Sessions.Core.Files;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;
using Sessions.Core.Sessions;
using Sessions.Core.Statements;

namespace Sessions.Tests.Infrastructure;

/// <summary>
/// Sessions, submitting delegations and written statements for the review tests, written straight to the database
/// the way the submission would leave them: <see cref="WrittenStatement.Submit"/> over the session's rules, as
/// pasted text with its word count.
/// </summary>
public static class StatementReviewBuilders
{
    public sealed record ReviewSession(int SessionId, string Symbol, IReadOnlyList<int> AgendaItemIds);

    /// <summary>An approved delegation, its organisation and an approved focal point of it (who is told of every change).</summary>
    public sealed record ReviewSubmitter(int DelegationId, int OrganisationId, string OrganisationName, Capacity Capacity, StatementTier Tier, User FocalPoint);

    /// <summary>A published session two months away with agenda items 1 to 3 and the default statement rules.</summary>
    public static async Task<ReviewSession> AddReviewSessionAsync(this SessionsAppFactory factory)
    {
        var bodyId = await factory.AddBodyAsync();
        var sessionId = await factory.AddSessionAsync(bodyId, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(60)), configure: s =>
        {
            s.AddAgendaItem("1", "Opening of the session");
            s.AddAgendaItem("2", "Adequate housing for all");
            s.AddAgendaItem("3", "Other matters");
        });
        return await factory.WithDbAsync(async db =>
        {
            var symbol = await db.Sessions.Where(s => s.Id == sessionId).Select(s => s.Symbol).SingleAsync();
            var items = await db.AgendaItems.Where(a => a.SessionId == sessionId).OrderBy(a => a.Sequence).Select(a => a.Id).ToListAsync();
            return new ReviewSession(sessionId, symbol, items);
        });
    }

    /// <summary>An organisation with an approved delegation to the session: a stakeholder in ECOSOC special status unless told otherwise.</summary>
    public static async Task<ReviewSubmitter> AddReviewSubmitterAsync(
        this SessionsAppFactory factory,
        int sessionId,
        Capacity capacity = Capacity.Stakeholder,
        StatementTier tier = StatementTier.EcosocSpecial,
        string? name = null,
        string language = "en")
    {
        name ??= $"Organisation {OrganisationSeeding.UniqueToken()}";
        var category = capacity switch
        {
            Capacity.Member or Capacity.ObserverState => OrganisationCategory.MemberState,
            Capacity.UnSystem => OrganisationCategory.UnSystemEntity,
            Capacity.IntergovernmentalOrganisation => OrganisationCategory.IntergovernmentalOrganisation,
            _ => OrganisationCategory.NonGovernmentalOrganisation,
        };
        var organisationId = await factory.AddOrganisationAsync(name, category);
        var focalPoint = await factory.AddFocalPointAsync(organisationId, language);
        var delegation = await factory.AddDelegationAsync(sessionId, organisationId, capacity, RegistrationStatus.Approved, [DelegationBuilders.Nominee("Amina", "Mohammed")]);
        return new ReviewSubmitter(delegation.Id, organisationId, name, capacity, tier, focalPoint);
    }

    /// <summary>
    /// A pasted-text statement (or with <paramref name="docx"/>, an uploaded Word document) of <paramref name="submitter"/>, submitted through <see cref="WrittenStatement.Submit"/>;
    /// with co-sponsors it awaits their answers (answer them with <see cref="AnswerAsync"/>).
    /// </summary>
    public static Task<int> AddStatementAsync(
        this SessionsAppFactory factory,
        ReviewSession session,
        ReviewSubmitter submitter,
        string title = "Adequate housing for all",
        string text = "Housing is a human right.\n\nCities must plan for everyone.",
        int agendaItem = 1,
        string language = "en",
        IReadOnlyList<ReviewSubmitter>? coSponsors = null,
        IReadOnlyList<string>? supporters = null,
        DateTime? at = null,
        byte[]? docx = null) =>
        factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            var format = StatementFormat.Text;
            Guid? fileId = null;
            var read = StatementDocuments.FromPastedText(text);
            if (docx is not null)
            {
                var file = await sp.GetRequiredService<IFileStore>().SaveAsync(new MemoryStream(docx), "statement.docx", UploadRule.StatementDocument, submitter.FocalPoint.Id);
                db.StoredFiles.Add(file);
                (format, fileId, read) = (StatementFormat.Docx, file.Id, StatementDocuments.Read(new MemoryStream(docx), StatementDocuments.DocxContentType));
            }

            var sessionEntity = await db.Sessions.SingleAsync(s => s.Id == session.SessionId);
            var rules = await db.StatementRules.SingleOrDefaultAsync(r => r.SessionId == session.SessionId) ?? StatementRules.ForSession(session.SessionId);
            var delegation = await db.Delegations.SingleAsync(d => d.Id == submitter.DelegationId);
            var submission = new StatementSubmission(
                session.SessionId,
                session.AgendaItemIds[agendaItem - 1],
                delegation,
                submitter.Tier,
                title,
                language,
                format,
                fileId,
                read.Text,
                read.Words,
                (coSponsors ?? []).Select(c => (c.OrganisationId, c.Tier)).ToList(),
                supporters ?? [],
                submitter.FocalPoint.Id);
            var statement = WrittenStatement.Submit(submission, rules, sessionEntity, at ?? DateTime.UtcNow);
            db.WrittenStatements.Add(statement);
            await db.SaveChangesAsync();
            return statement.Id;
        });

    /// <summary>A co-sponsor's focal point answers, as the co-sponsor page would record it.</summary>
    public static Task AnswerAsync(this SessionsAppFactory factory, int statementId, ReviewSubmitter coSponsor, bool confirm) =>
        factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            var statement = await db.WrittenStatements.Include(s => s.CoSponsors).SingleAsync(s => s.Id == statementId);
            statement.Answer(coSponsor.OrganisationId, confirm, coSponsor.FocalPoint.Id, DateTime.UtcNow);
            await db.SaveChangesAsync();
        });

    public static Task<WrittenStatement> ReviewedStatementAsync(this SessionsAppFactory factory, int statementId) =>
        factory.WithDbAsync(db => db.WrittenStatements.AsNoTracking().Include(s => s.CoSponsors).SingleAsync(s => s.Id == statementId));

    /// <summary>The version a review form carries, read from the database (the page carries the same).</summary>
    public static async Task<Guid> StatementVersionAsync(this SessionsAppFactory factory, int statementId) =>
        (await factory.ReviewedStatementAsync(statementId)).Version;
}
