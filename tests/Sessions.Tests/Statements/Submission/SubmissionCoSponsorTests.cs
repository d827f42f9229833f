using System.Globalization;
using System.Net;
using Sessions.Core.Accreditation;
using Sessions.Core.Notices;
using Sessions.Core.Organisations;
using Sessions.Core.Statements;
using Sessions.Tests.Infrastructure;
using static Sessions.Tests.Infrastructure.StatementDocumentBuilders;

namespace Sessions.Tests.Statements.Submission;

/// <summary>
/// A joint statement: each co-sponsor's focal point is asked by email, confirms or declines on the statement's page,
/// the submitter is told each answer, and the statement goes to review once every co-sponsor has answered.
/// </summary>
public sealed class SubmissionCoSponsorTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    [Fact]
    public async Task A_joint_statement_waits_for_its_co_sponsors_and_goes_to_review_once_all_have_answered()
    {
        var session = await factory.AddStatementSessionAsync();
        var submitter = await factory.AddSubmitterAsync(session);
        var igo = await factory.AddCoSponsorAsync(language: "fr");
        var ngo = await factory.AddCoSponsorAsync(OrganisationCategory.NonGovernmentalOrganisation, AccreditationBasis.EcosocGeneral);

        var preview = await submitter.Client.PreviewAsync(session.SessionId, submitter.StatementForm(session, pastedText: Words(2200),
            extra: [("CoSponsorIds", Id(igo.OrganisationId)), ("CoSponsorIds", Id(ngo.OrganisationId)), ("Supporters", "Friends of the Earth Nairobi\nCities Alliance Youth\n\n")]));
        var page = await preview.Content.ReadAsStringAsync();
        Assert.Contains("The statement has 2200 words; the limit is 2500.", page, StringComparison.Ordinal);
        Assert.Contains("Friends of the Earth Nairobi, Cities Alliance Youth", page, StringComparison.Ordinal);
        var id = StatementSubmissionBuilders.StatementIdOf(await submitter.Client.ConfirmAsync(session.SessionId, page));

        var statement = await factory.StatementAsync(id);
        Assert.Equal(StatementStatus.AwaitingCoSponsors, statement.Status);
        Assert.True(statement.IsJoint);
        Assert.Equal(2500, statement.WordLimit);
        Assert.Equal([StatementTier.IntergovernmentalOrganisation, StatementTier.EcosocGeneral], statement.CoSponsors.OrderBy(c => c.Tier).Select(c => c.Tier));
        Assert.Equal(["Friends of the Earth Nairobi", "Cities Alliance Youth"], statement.Supporters.OrderBy(s => s.Position).Select(s => s.Name));
        var request = Assert.Single(await factory.NoticesToAsync(igo.User.Email!), n => n.Kind == NoticeKinds.StatementCoSponsorRequest.Key);
        Assert.Equal("fr", request.Language);
        Assert.Contains($"/statements/{id}/co-sponsor", request.TextBody, StringComparison.Ordinal);
        Assert.Single(await factory.NoticesToAsync(ngo.User.Email!), n => n.Kind == NoticeKinds.StatementCoSponsorRequest.Key);

        var form = await igo.Client.GetStringAsync($"/statements/{id}/co-sponsor");
        Assert.Contains("data-action=\"confirm-co-sponsorship\"", form, StringComparison.Ordinal);
        Assert.Contains("data-action=\"decline-co-sponsorship\"", form, StringComparison.Ordinal);
        var mine = await ngo.Client.GetStringAsync("/statements/mine");
        Assert.Contains($"/statements/{id}/co-sponsor", mine, StringComparison.Ordinal);

        var confirmed = await igo.Client.PostFormAsync($"/statements/{id}/co-sponsor", new { OrganisationId = igo.OrganisationId, Answer = "confirm" }, $"/statements/{id}/co-sponsor");
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(StatementStatus.AwaitingCoSponsors, (await factory.StatementAsync(id)).Status);
        var answered = Assert.Single(await factory.NoticesToAsync(submitter.User.Email!), n => n.Kind == NoticeKinds.StatementCoSponsorAnswered.Key);
        Assert.Contains("has confirmed co-sponsorship", answered.TextBody, StringComparison.Ordinal);

        var declined = await ngo.Client.PostFormAsync($"/statements/{id}/co-sponsor", new { OrganisationId = ngo.OrganisationId, Answer = "decline" }, $"/statements/{id}/co-sponsor");
        Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);

        statement = await factory.StatementAsync(id);
        Assert.Equal(StatementStatus.Submitted, statement.Status);
        Assert.Equal(CoSponsorAnswer.Declined, statement.CoSponsors.Single(c => c.OrganisationId == ngo.OrganisationId).Answer);
        Assert.Contains(await factory.NoticesToAsync(submitter.User.Email!), n => n.Kind == NoticeKinds.StatementCoSponsorAnswered.Key && n.TextBody.Contains("has declined", StringComparison.Ordinal));
        Assert.Single(await factory.NoticesToAsync(submitter.User.Email!), n => n.Kind == NoticeKinds.StatementInReview.Key);
        Assert.Single(await factory.NoticesToAsync(igo.User.Email!), n => n.Kind == NoticeKinds.StatementInReview.Key);
        Assert.DoesNotContain(await factory.NoticesToAsync(ngo.User.Email!), n => n.Kind == NoticeKinds.StatementInReview.Key);

        var shown = await submitter.Client.GetStringAsync($"/statements/{id}");
        Assert.True(shown.IndexOf(Name(igo.OrganisationId), StringComparison.Ordinal) < shown.IndexOf(Name(ngo.OrganisationId), StringComparison.Ordinal), "Co-sponsors are listed by tier.");
    }

    [Fact]
    public async Task A_co_sponsor_answers_once_and_only_for_its_own_organisation()
    {
        var session = await factory.AddStatementSessionAsync();
        var submitter = await factory.AddSubmitterAsync(session);
        var first = await factory.AddCoSponsorAsync();
        var second = await factory.AddCoSponsorAsync();
        var id = await submitter.Client.SubmitStatementAsync(session.SessionId, submitter.StatementForm(session, pastedText: Words(100),
            extra: [("CoSponsorIds", Id(first.OrganisationId)), ("CoSponsorIds", Id(second.OrganisationId))]));

        var forTheOther = await first.Client.PostFormAsync($"/statements/{id}/co-sponsor", new { OrganisationId = second.OrganisationId, Answer = "confirm" }, $"/statements/{id}/co-sponsor");
        Assert.Equal(HttpStatusCode.NotFound, forTheOther.StatusCode);
        var bySubmitter = await submitter.Client.PostFormAsync($"/statements/{id}/co-sponsor", new { OrganisationId = submitter.OrganisationId, Answer = "confirm" }, $"/statements/{id}");
        Assert.Equal(HttpStatusCode.NotFound, bySubmitter.StatusCode);

        await first.Client.PostFormAsync($"/statements/{id}/co-sponsor", new { OrganisationId = first.OrganisationId, Answer = "confirm" }, $"/statements/{id}/co-sponsor");
        var again = await first.Client.PostFormAsync($"/statements/{id}/co-sponsor", new { OrganisationId = first.OrganisationId, Answer = "decline" }, $"/statements/{id}/co-sponsor");

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("Your organisation has already answered.", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var statement = await factory.StatementAsync(id);
        Assert.Equal(CoSponsorAnswer.Confirmed, statement.CoSponsors.Single(c => c.OrganisationId == first.OrganisationId).Answer);
        Assert.Equal(CoSponsorAnswer.Pending, statement.CoSponsors.Single(c => c.OrganisationId == second.OrganisationId).Answer);
    }

    [Fact]
    public async Task Co_sponsors_answering_at_the_same_moment_are_both_recorded()
    {
        var session = await factory.AddStatementSessionAsync();
        var submitter = await factory.AddSubmitterAsync(session);
        var sponsors = new List<StatementSubmissionBuilders.CoSponsor>();
        for (var i = 0; i < 4; i++)
        {
            sponsors.Add(await factory.AddCoSponsorAsync());
        }

        var id = await submitter.Client.SubmitStatementAsync(session.SessionId, submitter.StatementForm(session, pastedText: Words(100),
            extra: sponsors.Select(s => ("CoSponsorIds", Id(s.OrganisationId))).ToArray()));
        var tokens = await Task.WhenAll(sponsors.Select(s => s.Client.GetAntiforgeryTokenAsync($"/statements/{id}/co-sponsor")));

        var answers = await Task.WhenAll(sponsors.Select((s, i) => s.Client.PostAsync($"/statements/{id}/co-sponsor", new FormUrlEncodedContent(
        [
            new("OrganisationId", Id(s.OrganisationId)),
            new("Answer", "confirm"),
            new("__RequestVerificationToken", tokens[i]),
        ]))));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Redirect, a.StatusCode));
        var statement = await factory.StatementAsync(id);
        Assert.All(statement.CoSponsors, c => Assert.Equal(CoSponsorAnswer.Confirmed, c.Answer));
        Assert.Equal(StatementStatus.Submitted, statement.Status);
        Assert.Single(await factory.NoticesToAsync(submitter.User.Email!), n => n.Kind == NoticeKinds.StatementInReview.Key);
    }

    [Fact]
    public async Task The_submitter_own_organisation_is_not_its_own_co_sponsor()
    {
        var session = await factory.AddStatementSessionAsync();
        var submitter = await factory.AddSubmitterAsync(session);

        var id = await submitter.Client.SubmitStatementAsync(session.SessionId, submitter.StatementForm(session, pastedText: Words(100), extra: ("CoSponsorIds", Id(submitter.OrganisationId))));

        var statement = await factory.StatementAsync(id);
        Assert.False(statement.IsJoint);
        Assert.Equal(StatementStatus.Submitted, statement.Status);
        Assert.DoesNotContain($"id=\"co-sponsor-{submitter.OrganisationId}\"", await submitter.Client.GetStringAsync($"/statements/new?sessionId={session.SessionId}"), StringComparison.Ordinal);
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private string Name(int organisationId) =>
        factory.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Name))).GetAwaiter().GetResult();
}
