using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Accounts;
using Sessions.Core.Accreditation;
using Sessions.Core.Bodies;
using Sessions.Core.Data;
using Sessions.Core.Files;
using Sessions.Core.Notices;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;
using Sessions.Core.Sessions;

namespace Sessions.Tests.Infrastructure;

/// <summary>
/// Focal points, accreditations, delegations and nominees for the registration and review tests: through the
/// pages as a focal point would (<see cref="StartDelegationAsync"/>, <see cref="NominateAsync"/>), or written
/// straight to the database in any state (<see cref="AddDelegationAsync"/>).
/// </summary>
public static class DelegationBuilders
{
    public const string FocalPointPassword = "a-long-test-password";

    public sealed record SeededDelegation(int Id, IReadOnlyList<int> ParticipantIds);

    /// <summary>A focal point's signed-in browser and the draft delegation of their organisation to a session.</summary>
    public sealed record DelegationScenario(HttpClient Client, User FocalPoint, int BodyId, int SessionId, int OrganisationId, int DelegationId);

    /// <summary>
    /// A session (of a new body unless <paramref name="sessionId"/> is given) and an organisation of
    /// <paramref name="category"/> (an IGO by default: an observer that needs no accreditation) whose approved
    /// focal point has registered its delegation.
    /// </summary>
    public static async Task<DelegationScenario> StartDelegationAsync(
        this SessionsAppFactory factory,
        BodyKind kind = BodyKind.Assembly,
        Action<Session>? configure = null,
        int? sessionId = null,
        OrganisationCategory category = OrganisationCategory.IntergovernmentalOrganisation,
        string? focalPointEmail = null)
    {
        int bodyId;
        if (sessionId is { } existing)
        {
            bodyId = await factory.WithDbAsync(db => db.Sessions.Where(s => s.Id == existing).Select(s => s.BodyId).SingleAsync());
        }
        else
        {
            bodyId = await factory.AddBodyAsync(kind);
            sessionId = await factory.AddSessionAsync(bodyId, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(60)), configure: configure);
        }

        var organisationId = await factory.AddOrganisationAsync($"Organisation {OrganisationSeeding.UniqueToken()}", category);
        var client = factory.CreateBrowser();
        var user = await client.SignInAsFocalPointOfAsync(factory, organisationId, focalPointEmail);
        var delegationId = await client.RegisterDelegationAsync(sessionId.Value, organisationId);
        return new DelegationScenario(client, user, bodyId, sessionId.Value, organisationId, delegationId);
    }

    /// <summary>Changes the session straight in the database (deadlines, capacity) after the scenario is set up.</summary>
    public static Task ChangeSessionAsync(this SessionsAppFactory factory, int sessionId, Action<Session> change) =>
        factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            change(await db.Sessions.SingleAsync(s => s.Id == sessionId));
            await db.SaveChangesAsync();
        });

    /// <summary>Signs the client in as a new focal point whom the secretariat has approved for <paramref name="organisationId"/>.</summary>
    public static async Task<User> SignInAsFocalPointOfAsync(this HttpClient client, SessionsAppFactory factory, int organisationId, string? email = null, string language = "en")
    {
        var user = await factory.AddFocalPointAsync(organisationId, language, email);
        await client.SignInAsync(user.Email!, FocalPointPassword);
        return user;
    }

    /// <summary>A signed-up user in <paramref name="language"/>, approved as focal point of the organisation (password <see cref="FocalPointPassword"/>).</summary>
    public static async Task<User> AddFocalPointAsync(this SessionsAppFactory factory, int organisationId, string language = "en", string? email = null)
    {
        email ??= $"focal-point-{Guid.NewGuid():N}@test.sessions";
        var user = await factory.CreateUserAsync(email, FocalPointPassword, Roles.FocalPoint, language);
        await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            db.FocalPoints.Add(new FocalPoint(organisationId, user.Id, FocalPointStatus.Approved, DateTime.UtcNow));
            await db.SaveChangesAsync();
        });
        return user;
    }

    public static Task AddAccreditationAsync(this SessionsAppFactory factory, int organisationId, AccreditationBasis basis, AccreditationStatus status = AccreditationStatus.Granted, int? bodyId = null) =>
        factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            db.Accreditations.Add(new Accreditation(organisationId, basis, status, bodyId, DateTime.UtcNow));
            await db.SaveChangesAsync();
        });

    /// <summary>Registers the delegation through the page and returns its id.</summary>
    public static async Task<int> RegisterDelegationAsync(this HttpClient client, int sessionId, int organisationId)
    {
        var url = $"/delegations/new?sessionId={sessionId}&organisationId={organisationId}";
        var response = await client.PostFormAsync(url, new { });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Registration refused: {(int)response.StatusCode}\n{await response.Content.ReadAsStringAsync()}");
        }

        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The nomination form as a person fills it in.</summary>
    public static object NominationForm(string email, string givenName = "Amina", string familyName = "Mohammed", bool consent = true, string language = "en", string function = "HeadOfDelegation") => new
    {
        Title = "Ms.",
        GivenName = givenName,
        FamilyName = familyName,
        Function = function,
        Email = email,
        PreferredLanguage = language,
        ConsentToPublicList = consent ? "true" : "false",
    };

    public static Task<HttpResponseMessage> NominateAsync(this HttpClient client, int delegationId, string email, string givenName = "Amina", string familyName = "Mohammed", bool consent = true, string language = "en") =>
        client.PostPageFormAsync($"/delegations/{delegationId}/participants/new", NominationForm(email, givenName, familyName, consent, language));

    /// <summary>
    /// Posts a form the way a browser does: reads the page once (<paramref name="formPageUrl"/>, default the action)
    /// for the antiforgery token and the version the form was opened on, then sends them with <paramref name="fields"/>.
    /// </summary>
    public static Task<HttpResponseMessage> PostPageFormAsync(this HttpClient client, string url, object fields, string? formPageUrl = null) =>
        client.PostPageFormAsync(url, HttpClientExtensions.ToFields(fields), formPageUrl);

    /// <summary>Posts the page's form as its confirmation page posts it again (a destructive or mass action acts only then).</summary>
    public static Task<HttpResponseMessage> PostConfirmedPageFormAsync(this HttpClient client, string url, object fields, string? formPageUrl = null) =>
        client.PostPageFormAsync(url, HttpClientExtensions.ToFields(fields).Append(HttpClientExtensions.Confirmed), formPageUrl);

    public static async Task<HttpResponseMessage> PostPageFormAsync(this HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields, string? formPageUrl = null)
    {
        var (token, version) = await client.ReadFormAsync(formPageUrl ?? url);
        var all = fields.ToList();
        if (all.All(f => !string.Equals(f.Key, "version", StringComparison.OrdinalIgnoreCase)))
        {
            all.Add(new("Version", version));
        }

        all.Add(new("__RequestVerificationToken", token));
        return await client.PostAsync(url, new FormUrlEncodedContent(all));
    }

    public static async Task<(string Token, string Version)> ReadFormAsync(this HttpClient client, string pageUrl)
    {
        var html = await client.GetStringAsync(pageUrl);
        var token = Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var version = Regex.Match(html, "name=\"(?:V|v)ersion\" value=\"([^\"]+)\"|id=\"Version\" name=\"Version\" value=\"([^\"]+)\"");
        return (WebUtility.HtmlDecode(token), version.Groups[1].Success ? version.Groups[1].Value : version.Groups[2].Value);
    }

    public static Task<T> WithDbAsync<T>(this SessionsAppFactory factory, Func<SessionsDbContext, Task<T>> read) =>
        factory.InScopeAsync(sp => read(sp.GetRequiredService<SessionsDbContext>()));

    public static Task<Delegation> DelegationAsync(this SessionsAppFactory factory, int id) =>
        factory.WithDbAsync(db => db.Delegations.AsNoTracking().Include(d => d.Participants).SingleAsync(d => d.Id == id));

    public static Task<List<OutboundEmail>> NoticesToAsync(this SessionsAppFactory factory, string address) =>
        factory.WithDbAsync(db => db.OutboundEmails.AsNoTracking().Where(e => e.ToAddress == address).OrderBy(e => e.Id).ToListAsync());

    /// <summary>The smallest file that is a PDF by its content.</summary>
    public static async Task<HttpResponseMessage> UploadLetterAsync(this HttpClient client, int delegationId, byte[] bytes, string fileName = "letter.pdf")
    {
        var (_, version) = await client.ReadFormAsync($"/delegations/{delegationId}");
        return await client.PostFileAsync($"/delegations/{delegationId}/letter", "file", fileName, bytes, "application/pdf", [new("version", version)], $"/delegations/{delegationId}");
    }

    public static string NewEmail(string who) => $"{who}-{Guid.NewGuid():N}@example.org";

    /// <summary>A nominee with sensible defaults and an address no other test uses.</summary>
    public static ParticipantDetails Nominee(
        string givenName,
        string familyName,
        ParticipantFunction function = ParticipantFunction.Representative,
        string language = "en",
        bool consent = true,
        string? email = null) =>
        new("", givenName, familyName, function, email ?? $"{givenName.ToLowerInvariant()}.{Guid.NewGuid():N}@test.sessions", language, consent);

    /// <summary>
    /// A delegation brought to <paramref name="status"/> the way the app would: letter attached, nominees
    /// nominated (the <paramref name="waitlisted"/> ones on the waitlist), submitted, then decided or withdrawn.
    /// </summary>
    public static Task<SeededDelegation> AddDelegationAsync(
        this SessionsAppFactory factory,
        int sessionId,
        int organisationId,
        Capacity capacity,
        RegistrationStatus status,
        IEnumerable<ParticipantDetails> nominees,
        IEnumerable<ParticipantDetails>? waitlisted = null,
        DateTime? submittedAt = null) =>
        factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            var at = submittedAt ?? DateTime.UtcNow;
            var delegation = new Delegation(sessionId, organisationId, capacity, "builder", at);
            var letter = await sp.GetRequiredService<IFileStore>().SaveAsync(new MemoryStream(TestPdf.Bytes("test letter")), "letter.pdf", UploadRule.Pdf, null);
            db.StoredFiles.Add(letter);
            delegation.AttachLetter(letter.Id);
            var participants = nominees.Select(n => delegation.Nominate(n, ParticipantStatus.Nominated, at)).ToList();
            participants.AddRange((waitlisted ?? []).Select(n => delegation.Nominate(n, ParticipantStatus.Waitlisted, at)));
            if (status != RegistrationStatus.Draft)
            {
                delegation.Submit(at);
            }

            switch (status)
            {
                case RegistrationStatus.Approved:
                    delegation.Approve("builder", at);
                    foreach (var participant in participants.Where(p => p.IsActive))
                    {
                        participant.Approve(GroundsPassRequirements.None);
                    }

                    break;
                case RegistrationStatus.Rejected:
                    delegation.Reject("builder", at, "Seeded as rejected.");
                    break;
                case RegistrationStatus.Withdrawn:
                    delegation.Withdraw(at);
                    break;
            }

            db.Delegations.Add(delegation);
            await db.SaveChangesAsync();
            return new SeededDelegation(delegation.Id, participants.Select(p => p.Id).ToList());
        });

    /// <summary>Gives the participant a grounds-pass photo, processed and stored as an upload is.</summary>
    public static Task GivePhotoAsync(this SessionsAppFactory factory, int participantId) =>
        factory.InScopeAsync(async sp =>
        {
            var stored = await sp.GetRequiredService<IFileStore>().SaveAsync(
                new MemoryStream(Web.Infrastructure.Files.GroundsPassPhoto.Process(PhotoBuilders.Jpeg(300, 400))), "photo.jpg", UploadRule.GroundsPassPhoto, null);
            var db = sp.GetRequiredService<SessionsDbContext>();
            db.StoredFiles.Add(stored);
            (await db.Participants.SingleAsync(p => p.Id == participantId)).ReplacePhoto(stored.Id);
            await db.SaveChangesAsync();
        });

    public static Task<Participant> ParticipantAsync(this SessionsAppFactory factory, int participantId) =>
        factory.InScopeAsync(sp => sp.GetRequiredService<SessionsDbContext>().Participants.AsNoTracking().SingleAsync(p => p.Id == participantId));
}
