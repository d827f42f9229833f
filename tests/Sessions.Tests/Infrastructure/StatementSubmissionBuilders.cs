using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Accounts;
using Sessions.Core.Accreditation;
using Sessions.Core.Data;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;
using Sessions.Core.Sessions;
using Sessions.Core.Statements;

namespace Sessions.Tests.Infrastructure;

/// <summary>
/// Sessions open to written statements, submitters (a focal point of an approved delegation, signed in) and
/// co-sponsors, and the two steps of submission as a browser posts them: the form (<see cref="PreviewAsync"/>),
/// then the confirm form read back from the page (<see cref="ConfirmAsync"/>).
/// </summary>
public static partial class StatementSubmissionBuilders
{
    public sealed record StatementSession(int BodyId, int SessionId, IReadOnlyList<int> AgendaItemIds);

    public sealed record Submitter(HttpClient Client, User User, int OrganisationId, int DelegationId);

    public sealed record CoSponsor(HttpClient Client, User User, int OrganisationId);

    [GeneratedRegex("""<input type="hidden" name="([^"]+)" value="([^"]*)" />|<input name="(__RequestVerificationToken)" type="hidden" value="([^"]+)" />""")]
    private static partial Regex HiddenField();

    /// <summary>A session in Nairobi opening in 60 days (deadline: the default, two weeks before), with two agenda items.</summary>
    public static async Task<StatementSession> AddStatementSessionAsync(this SessionsAppFactory factory, Action<Session>? configure = null, DateOnly? opensOn = null)
    {
        var bodyId = await factory.AddBodyAsync();
        var sessionId = await factory.AddSessionAsync(bodyId, opensOn ?? DateOnly.FromDateTime(DateTime.UtcNow.AddDays(60)), configure: session =>
        {
            session.AddAgendaItem("3", "Report of the Executive Director");
            session.AddAgendaItem("4", "Adequate housing for all");
            configure?.Invoke(session);
        });
        var items = await factory.WithDbAsync(db => db.AgendaItems.Where(a => a.SessionId == sessionId).OrderBy(a => a.Sequence).Select(a => a.Id).ToListAsync());
        return new StatementSession(bodyId, sessionId, items);
    }

    /// <summary>
    /// An organisation of <paramref name="category"/> (an NGO with ECOSOC special status by default) whose delegation
    /// to the session is in <paramref name="status"/>, and a browser signed in as its focal point.
    /// </summary>
    public static async Task<Submitter> AddSubmitterAsync(
        this SessionsAppFactory factory,
        StatementSession session,
        OrganisationCategory category = OrganisationCategory.NonGovernmentalOrganisation,
        AccreditationBasis? accreditation = AccreditationBasis.EcosocSpecial,
        RegistrationStatus status = RegistrationStatus.Approved,
        string language = "en")
    {
        var organisationId = await factory.AddOrganisationAsync($"Submitter {OrganisationSeeding.UniqueToken()}", category);
        if (accreditation is { } basis && Capacities.Derive(category, false) == Capacity.Stakeholder)
        {
            await factory.AddAccreditationAsync(organisationId, basis);
        }

        var capacity = Capacities.Derive(category, isMemberOfTheBody: false);
        var delegation = await factory.AddDelegationAsync(session.SessionId, organisationId, capacity, status, [DelegationBuilders.Nominee("Amina", "Mohammed")]);
        var client = factory.CreateBrowser(language);
        var user = await client.SignInAsFocalPointOfAsync(factory, organisationId, language: language);
        return new Submitter(client, user, organisationId, delegation.Id);
    }

    /// <summary>An organisation that may co-sponsor (an IGO by default) and a browser signed in as its focal point.</summary>
    public static async Task<CoSponsor> AddCoSponsorAsync(this SessionsAppFactory factory, OrganisationCategory category = OrganisationCategory.IntergovernmentalOrganisation, AccreditationBasis? accreditation = null, string language = "en")
    {
        var organisationId = await factory.AddOrganisationAsync($"Co-sponsor {OrganisationSeeding.UniqueToken()}", category);
        if (accreditation is { } basis)
        {
            await factory.AddAccreditationAsync(organisationId, basis);
        }

        var client = factory.CreateBrowser(language);
        var user = await client.SignInAsFocalPointOfAsync(factory, organisationId, language: language);
        return new CoSponsor(client, user, organisationId);
    }

    /// <summary>The form's fields with sensible defaults; <paramref name="extra"/> adds or repeats fields (CoSponsorIds...).</summary>
    public static List<KeyValuePair<string, string>> StatementForm(
        this Submitter submitter,
        StatementSession session,
        string? pastedText = null,
        string title = "Housing and the urban poor",
        string language = "en",
        params (string Key, string Value)[] extra)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("DelegationId", submitter.DelegationId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("AgendaItemId", session.AgendaItemIds[0].ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Title", title),
            new("Language", language),
        };
        if (pastedText is not null)
        {
            fields.Add(new("PastedText", pastedText));
        }

        fields.AddRange(extra.Select(e => new KeyValuePair<string, string>(e.Key, e.Value)));
        return fields;
    }

    /// <summary>Posts the submission form (step one), with a file when given.</summary>
    public static Task<HttpResponseMessage> PreviewAsync(this HttpClient client, int sessionId, IEnumerable<KeyValuePair<string, string>> fields, MultipartForms.Upload? file = null) =>
        client.PostFilesAsync($"/statements/new/{sessionId}", fields, file is null ? [] : [file], $"/statements/new?sessionId={sessionId}");

    /// <summary>Posts the confirm form of the page <paramref name="confirmPage"/> as it stands (its hidden fields, its token).</summary>
    public static Task<HttpResponseMessage> ConfirmAsync(this HttpClient client, int sessionId, string confirmPage) =>
        client.PostAsync($"/statements/new/{sessionId}/confirm", new FormUrlEncodedContent(ConfirmFields(confirmPage)));

    public static List<KeyValuePair<string, string>> ConfirmFields(string confirmPage)
    {
        var start = confirmPage.IndexOf("/confirm\"", StringComparison.Ordinal);
        if (start < 0)
        {
            throw new InvalidOperationException("The page has no confirm form:\n" + confirmPage);
        }

        var form = confirmPage[start..confirmPage.IndexOf("</form>", start, StringComparison.Ordinal)];
        return HiddenField().Matches(form)
            .Select(m => m.Groups[1].Success
                ? new KeyValuePair<string, string>(m.Groups[1].Value, WebUtility.HtmlDecode(m.Groups[2].Value))
                : new KeyValuePair<string, string>(m.Groups[3].Value, WebUtility.HtmlDecode(m.Groups[4].Value)))
            .ToList();
    }

    /// <summary>Both steps; returns the new statement's id (from the redirect to its page).</summary>
    public static async Task<int> SubmitStatementAsync(this HttpClient client, int sessionId, IEnumerable<KeyValuePair<string, string>> fields, MultipartForms.Upload? file = null)
    {
        var preview = await client.PreviewAsync(sessionId, fields, file);
        var page = await preview.Content.ReadAsStringAsync();
        if (preview.StatusCode != HttpStatusCode.OK || !page.Contains("data-action=\"confirm\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The statement was not accepted for confirmation: {(int)preview.StatusCode}\n{page}");
        }

        var confirmed = await client.ConfirmAsync(sessionId, page);
        if (confirmed.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Confirm refused: {(int)confirmed.StatusCode}\n{await confirmed.Content.ReadAsStringAsync()}");
        }

        return StatementIdOf(confirmed);
    }

    public static int StatementIdOf(HttpResponseMessage redirect) =>
        int.Parse(redirect.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);

    public static Task<WrittenStatement> StatementAsync(this SessionsAppFactory factory, int id) =>
        factory.WithDbAsync(db => db.WrittenStatements.AsNoTracking().Include(s => s.CoSponsors).Include(s => s.Supporters).SingleAsync(s => s.Id == id));

    public static Task<List<WrittenStatement>> StatementsOfSessionAsync(this SessionsAppFactory factory, int sessionId) =>
        factory.WithDbAsync(db => db.WrittenStatements.AsNoTracking().Where(s => s.SessionId == sessionId).ToListAsync());

    /// <summary>Sets the session's statement rules (creating its row, as the rules form does on first save).</summary>
    public static Task SetStatementRulesAsync(this SessionsAppFactory factory, int sessionId, Action<StatementRules> change) =>
        factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            var rules = await db.StatementRules.SingleOrDefaultAsync(r => r.SessionId == sessionId);
            if (rules is null)
            {
                rules = StatementRules.ForSession(sessionId);
                db.StatementRules.Add(rules);
            }

            change(rules);
            await db.SaveChangesAsync();
        });
}
