using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Accounts;
using Sessions.Core.Accreditation;
using Sessions.Core.Data;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;
using Sessions.Tests.Infrastructure;
using Sessions.Web.Features.Home;
using static Sessions.Tests.Infrastructure.DelegationBuilders;

namespace Sessions.Tests.Home;

/// <summary>The home page: one part per role that applies to the reader, each showing only what is theirs.</summary>
public sealed partial class HomeTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    [Fact]
    public async Task A_delegate_sees_their_session_with_badge_next_steps_speaking_slot_and_statements_and_nothing_of_another_delegation()
    {
        var session = await factory.AddSpeakersSessionAsync();
        await factory.ChangeSessionAsync(session.SessionId, s => s.StatementDeadline = DateTime.UtcNow.AddDays(3));
        var listId = await factory.AddSpeakersListAsync(session);
        var mine = await factory.AddSpeakingDelegationAsync(session.SessionId, name: $"Mine {OrganisationSeeding.UniqueToken()}");
        var theirs = await factory.AddSpeakingDelegationAsync(session.SessionId, name: $"Theirs {OrganisationSeeding.UniqueToken()}");
        var other = factory.CreateBrowser();
        await other.SignInAsDelegateAsync(factory, theirs.ParticipantIds[0]);
        Assert.Equal(HttpStatusCode.Redirect, (await other.InscribeAsync(listId, SpeakersListBuilders.InscriptionForm(theirs.DelegationId, theirs.ParticipantIds[0]))).StatusCode);
        var delegate_ = factory.CreateBrowser();
        await delegate_.SignInAsDelegateAsync(factory, mine.ParticipantIds[0]);
        Assert.Equal(HttpStatusCode.Redirect, (await delegate_.InscribeAsync(listId, SpeakersListBuilders.InscriptionForm(mine.DelegationId, mine.ParticipantIds[0]))).StatusCode);
        var reviewSubmitter = new StatementReviewBuilders.ReviewSubmitter(mine.DelegationId, mine.OrganisationId, "Mine", Capacity.Member, Core.Statements.StatementTier.State,
            await factory.AddFocalPointAsync(mine.OrganisationId));
        var agendaItems = await factory.WithDbAsync(db => db.AgendaItems.Where(a => a.SessionId == session.SessionId).OrderBy(a => a.Sequence).Select(a => a.Id).ToListAsync());
        await factory.AddStatementAsync(new StatementReviewBuilders.ReviewSession(session.SessionId, "", agendaItems), reviewSubmitter, title: "Housing for the delegation");
        var myBadge = (await factory.ParticipantAsync(mine.ParticipantIds[0])).BadgeToken!;
        var theirBadge = (await factory.ParticipantAsync(theirs.ParticipantIds[0])).BadgeToken!;

        var home = await delegate_.GetStringAsync("/");

        Assert.Contains("My sessions", home, StringComparison.Ordinal);
        var card = Participation(home, session.SessionId);
        Assert.Contains("data-status=\"Approved\"", card, StringComparison.Ordinal);
        Assert.Contains($"/badges/{myBadge}", card, StringComparison.Ordinal);
        Assert.Contains("data-step=\"ShowBadge\"", card, StringComparison.Ordinal);
        Assert.Contains("data-step=\"SubmitStatement\"", card, StringComparison.Ordinal);
        Assert.Contains("data-step=\"Inscribe\"", card, StringComparison.Ordinal);
        foreach (var page in new[] { "grounds-pass", "visa-letter", "requirements" })
        {
            Assert.Contains($"href=\"/participants/{mine.ParticipantIds[0]}/{page}\"", card, StringComparison.Ordinal);
        }

        Assert.Contains("data-attendance=\"InPerson\"", card, StringComparison.Ordinal);
        Assert.Matches("class=\"slot-place\">2<", card);
        Assert.Single(Regex.Matches(card, "class=\"speaking-slot\""));
        Assert.Contains("Housing for the delegation", card, StringComparison.Ordinal);
        Assert.DoesNotContain(theirBadge, home, StringComparison.Ordinal);
        Assert.DoesNotContain("Theirs", home, StringComparison.Ordinal);
        Assert.DoesNotContain("My organisations", home, StringComparison.Ordinal);
        Assert.DoesNotContain("secretariat-home", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_withdrawn_participant_sees_the_session_as_withdrawn_with_no_badge_and_nothing_to_do()
    {
        var session = await factory.AddSpeakersSessionAsync();
        var delegation = await factory.AddSpeakingDelegationAsync(session.SessionId);
        var participantId = delegation.ParticipantIds[0];
        var badge = (await factory.ParticipantAsync(participantId)).BadgeToken!;
        await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            var entity = await db.Delegations.Include(d => d.Participants).SingleAsync(d => d.Id == delegation.DelegationId);
            Assert.True(entity.WithdrawParticipant(participantId, DateTime.UtcNow));
            await db.SaveChangesAsync();
        });
        var delegate_ = factory.CreateBrowser();
        await delegate_.SignInAsDelegateAsync(factory, participantId);

        var card = Participation(await delegate_.GetStringAsync("/"), session.SessionId);

        Assert.Contains("data-status=\"Withdrawn\"", card, StringComparison.Ordinal);
        Assert.Contains(">Withdrawn<", card, StringComparison.Ordinal);
        Assert.DoesNotContain("/badges/", card, StringComparison.Ordinal);
        Assert.DoesNotContain(badge, card, StringComparison.Ordinal);
        Assert.DoesNotContain("next-step", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_nominee_is_asked_to_confirm_their_details_by_the_registration_deadline_at_the_venue()
    {
        var bodyId = await factory.AddBodyAsync();
        var sessionId = await factory.AddSessionAsync(bodyId, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(40)),
            configure: s => s.RegistrationDeadline = new DateTime(DateTime.UtcNow.Year + 1, 3, 2, 9, 0, 0, DateTimeKind.Utc));
        var organisationId = await factory.AddOrganisationAsync($"Nominating {OrganisationSeeding.UniqueToken()}", OrganisationCategory.IntergovernmentalOrganisation);
        var seeded = await factory.AddDelegationAsync(sessionId, organisationId, Capacity.IntergovernmentalOrganisation, RegistrationStatus.Submitted, [Nominee("Lea", "Nominee")]);
        var delegate_ = factory.CreateBrowser();
        await delegate_.SignInAsDelegateAsync(factory, seeded.ParticipantIds[0]);
        var token = (await factory.ParticipantAsync(seeded.ParticipantIds[0])).ConfirmationToken;

        var card = Participation(await delegate_.GetStringAsync("/"), sessionId);

        Assert.Contains("data-step=\"ConfirmDetails\"", card, StringComparison.Ordinal);
        Assert.Contains($"/participants/confirm/{token}", card, StringComparison.Ordinal);
        Assert.Contains("12:00 (Africa/Nairobi)", card, StringComparison.Ordinal);
        Assert.DoesNotContain("/badges/", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_focal_point_sees_their_organisations_delegations_counts_badges_and_open_sessions_and_not_another_organisation()
    {
        var bodyId = await factory.AddBodyAsync();
        var sessionId = await factory.AddSessionAsync(bodyId, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)));
        var openId = await factory.AddSessionAsync(bodyId, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(90)));
        var name = $"Habitat Partners {OrganisationSeeding.UniqueToken()}";
        var organisationId = await factory.AddOrganisationAsync(name, OrganisationCategory.NonGovernmentalOrganisation);
        await factory.AddAccreditationAsync(organisationId, AccreditationBasis.EcosocSpecial);
        var approved = await factory.AddDelegationAsync(sessionId, organisationId, Capacity.Stakeholder, RegistrationStatus.Approved,
            [Nominee("Ana", "One"), Nominee("Ben", "Two")], waitlisted: [Nominee("Cy", "Three")]);
        var otherName = $"Elsewhere {OrganisationSeeding.UniqueToken()}";
        var otherId = await factory.AddOrganisationAsync(otherName, OrganisationCategory.IntergovernmentalOrganisation);
        var others = await factory.AddDelegationAsync(sessionId, otherId, Capacity.IntergovernmentalOrganisation, RegistrationStatus.Approved, [Nominee("Dee", "Four")]);
        var focalPoint = factory.CreateBrowser();
        await focalPoint.SignInAsFocalPointOfAsync(factory, organisationId);

        var home = await focalPoint.GetStringAsync("/");

        Assert.Contains("My organisations", home, StringComparison.Ordinal);
        Assert.Contains(name, home, StringComparison.Ordinal);
        Assert.Contains("ECOSOC", home, StringComparison.Ordinal);
        var block = Regex.Match(home, $"data-delegation=\"{approved.Id}\".*?</dl>", RegexOptions.Singleline).Value;
        Assert.Contains("data-status=\"Approved\">Approved: 2", block, StringComparison.Ordinal);
        Assert.Contains("data-status=\"Waitlisted\">Waitlisted: 1", block, StringComparison.Ordinal);
        Assert.Contains($"/badges/delegation/{approved.Id}", home, StringComparison.Ordinal);
        Assert.Contains($"/delegations/{approved.Id}\"", home, StringComparison.Ordinal);
        Assert.Contains($"/delegations/new?sessionId={openId}&amp;organisationId={organisationId}", home, StringComparison.Ordinal);
        Assert.DoesNotContain($"/delegations/new?sessionId={sessionId}&amp;organisationId={organisationId}", home, StringComparison.Ordinal);
        Assert.DoesNotContain(otherName, home, StringComparison.Ordinal);
        Assert.DoesNotContain($"/delegations/{others.Id}\"", home, StringComparison.Ordinal);
        Assert.DoesNotContain($"/badges/delegation/{others.Id}", home, StringComparison.Ordinal);
        Assert.DoesNotContain("My sessions", home, StringComparison.Ordinal);
        Assert.DoesNotContain("secretariat-home", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_focal_point_who_is_also_a_delegate_sees_both_parts_in_one_page()
    {
        var session = await factory.AddSpeakersSessionAsync();
        var ownName = $"Own {OrganisationSeeding.UniqueToken()}";
        var ownId = await factory.AddOrganisationAsync(ownName, OrganisationCategory.IntergovernmentalOrganisation);
        var focalPoint = factory.CreateBrowser();
        var user = await focalPoint.SignInAsFocalPointOfAsync(factory, ownId);
        var delegation = await factory.AddSpeakingDelegationAsync(session.SessionId);
        await LinkAsync(delegation.ParticipantIds[1], user.Id);

        var home = await focalPoint.GetStringAsync("/");

        Assert.Contains("My organisations", home, StringComparison.Ordinal);
        Assert.Contains(ownName, home, StringComparison.Ordinal);
        Assert.Contains("My sessions", home, StringComparison.Ordinal);
        Assert.Contains($"data-participant=\"{delegation.ParticipantIds[1]}\"", home, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-participant=\"{delegation.ParticipantIds[0]}\"", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_secretariat_sees_the_sessions_to_come_with_their_dashboards_and_what_waits_for_review()
    {
        var review = await factory.AddReviewSessionAsync();
        var submitter = await factory.AddReviewSubmitterAsync(review.SessionId);
        await factory.AddStatementAsync(review, submitter);
        var organisationId = await factory.AddOrganisationAsync($"Submitting {OrganisationSeeding.UniqueToken()}", OrganisationCategory.IntergovernmentalOrganisation);
        await factory.AddDelegationAsync(review.SessionId, organisationId, Capacity.IntergovernmentalOrganisation, RegistrationStatus.Submitted, [Nominee("Eve", "Five")]);
        var secretariat = factory.CreateBrowser();
        await secretariat.SignInAsAsync(factory, Roles.Secretariat);

        var home = await secretariat.GetStringAsync("/");

        Assert.Contains("secretariat-home", home, StringComparison.Ordinal);
        var row = Regex.Match(home, $"data-session=\"{review.SessionId}\".*?</tr>", RegexOptions.Singleline).Value;
        Assert.Contains($"/sessions/manage/{review.SessionId}/dashboard", row, StringComparison.Ordinal);
        Assert.Contains($"href=\"/sessions/manage/{review.SessionId}\"", row, StringComparison.Ordinal);
        Assert.Contains($"/registrations/review?sessionId={review.SessionId}\">Delegations: 1<", row, StringComparison.Ordinal);
        Assert.Contains($"/sessions/manage/{review.SessionId}/statements\">Statements: 1<", row, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/focal-points\"", home, StringComparison.Ordinal);
        Assert.Contains("href=\"/registrations/review\"", home, StringComparison.Ordinal);
        Assert.DoesNotContain("My organisations", home, StringComparison.Ordinal);
        Assert.DoesNotContain("My sessions", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_anonymous_visitor_sees_the_published_sessions_and_no_one_s_part()
    {
        var bodyId = await factory.AddBodyAsync();
        var published = await factory.AddSessionAsync(bodyId, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(20)));
        var hidden = await factory.AddSessionAsync(bodyId, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(21)), published: false);

        var home = await factory.CreateBrowser().GetStringAsync("/");

        Assert.Contains($"href=\"/sessions/{published}\"", home, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/sessions/{hidden}\"", home, StringComparison.Ordinal);
        Assert.DoesNotContain("My sessions", home, StringComparison.Ordinal);
        Assert.DoesNotContain("My organisations", home, StringComparison.Ordinal);
        Assert.DoesNotContain("secretariat-home", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_home_issues_as_many_queries_for_twenty_sessions_as_for_one()
    {
        var organisationId = await factory.AddOrganisationAsync($"Busy {OrganisationSeeding.UniqueToken()}", OrganisationCategory.IntergovernmentalOrganisation);
        var browser = factory.CreateBrowser();
        var user = await browser.SignInAsFocalPointOfAsync(factory, organisationId);
        await AddParticipationAsync(organisationId, user.Id);
        var reader = new ShowHome.Reader(user.Id, IsSecretariat: false, IsFocalPoint: true, IsDelegate: true);
        await HomeAsync(reader);
        int one, twenty;
        using (var counter = SqlCommandCounter.Start())
        {
            await HomeAsync(reader);
            one = counter.Count;
        }

        for (var i = 0; i < 19; i++)
        {
            await AddParticipationAsync(organisationId, user.Id);
        }

        ShowHome.Model model;
        using (var counter = SqlCommandCounter.Start())
        {
            model = await HomeAsync(reader);
            twenty = counter.Count;
        }

        Assert.Equal(20, model.Sessions!.Upcoming.Count);
        Assert.All(model.Sessions.Upcoming, p => Assert.NotNull(p.BadgeToken));
        Assert.Equal(20, model.Organisations!.Organisations.Single().Delegations.Count);
        Assert.Equal(one, twenty);
        Assert.InRange(twenty, 5, 25);
        Assert.Equal(20, Regex.Matches(await browser.GetStringAsync("/"), "class=\"card mb-3 my-participation\"").Count);
    }

    [Fact]
    public async Task The_secretariat_home_issues_a_fixed_number_of_queries()
    {
        var reader = new ShowHome.Reader(Guid.NewGuid().ToString(), IsSecretariat: true, IsFocalPoint: false, IsDelegate: false);
        await HomeAsync(reader);
        int before, after;
        using (var counter = SqlCommandCounter.Start())
        {
            await HomeAsync(reader);
            before = counter.Count;
        }

        for (var i = 0; i < 5; i++)
        {
            var review = await factory.AddReviewSessionAsync();
            await factory.AddStatementAsync(review, await factory.AddReviewSubmitterAsync(review.SessionId));
        }

        using (var counter = SqlCommandCounter.Start())
        {
            await HomeAsync(reader);
            after = counter.Count;
        }

        Assert.Equal(before, after);
        Assert.InRange(after, 3, 10);
    }

    private Task<ShowHome.Model> HomeAsync(ShowHome.Reader reader) =>
        factory.InScopeAsync(async sp =>
        {
            using var english = new CultureScope("en");
            return await sp.GetRequiredService<ShowHome.Handler>().HandleAsync(reader, "en", CancellationToken.None);
        });

    /// <summary>A session to come with the organisation's approved delegation whose first participant is the user.</summary>
    private async Task AddParticipationAsync(int organisationId, string userId)
    {
        var session = await factory.AddSpeakersSessionAsync();
        await factory.AddSpeakersListAsync(session);
        var seeded = await factory.AddDelegationAsync(session.SessionId, organisationId, Capacity.IntergovernmentalOrganisation, RegistrationStatus.Approved, [Nominee("Fay", "Six"), Nominee("Gus", "Seven")]);
        await LinkAsync(seeded.ParticipantIds[0], userId);
    }

    private Task LinkAsync(int participantId, string userId) =>
        factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            (await db.Participants.SingleAsync(p => p.Id == participantId)).LinkAccount(userId);
            await db.SaveChangesAsync();
        });

    /// <summary>The card of the participation in the session on the home page.</summary>
    private static string Participation(string home, int sessionId)
    {
        var card = Regex.Match(home, $"<article class=\"card mb-3 my-participation\" data-session=\"{sessionId}\".*?</article>", RegexOptions.Singleline).Value;
        Assert.False(string.IsNullOrEmpty(card), $"No participation in session {sessionId} on the home page.");
        return card;
    }
}
