using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Bodies;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;
using Sessions.Tests.Infrastructure;
using Sessions.Web.Features.Registration.Review;
using static Sessions.Tests.Infrastructure.DelegationBuilders;

namespace Sessions.Tests.Registration.Review;

/// <summary>
/// One definition of a decision (<see cref="DelegationDecision"/>, <see cref="ParticipantDecision"/>) drives the
/// entity methods and the set-based bulk handlers: both leave the same delegation and the same participants.
/// </summary>
public sealed class DecisionRuleTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    private sealed record Outcome(RegistrationStatus Status, string? Reason, string? DecidedBy, IReadOnlyList<(ParticipantStatus Status, string? Reason, bool HasBadge, bool BadgeRevoked)> Participants);

    [Fact]
    public async Task Bulk_approval_leaves_the_delegation_and_its_participants_as_the_entity_methods_do()
    {
        var sessionId = await factory.AddSessionAsync(await factory.AddBodyAsync(BodyKind.Assembly), new DateOnly(2031, 6, 2));
        var bulk = await AddMixedDelegationAsync(sessionId);
        var single = await AddMixedDelegationAsync(sessionId);

        await factory.InScopeAsync(sp => sp.GetRequiredService<ApproveDelegations.Handler>().HandleAsync([bulk], "secretariat"));
        await DecideOneByOneAsync(single, d => d.Approve("secretariat", DateTime.UtcNow), p => p.Approve(GroundsPassRequirements.None), ParticipantDecision.Approval);

        var expected = await OutcomeAsync(single);
        Assert.Equal(expected, await OutcomeAsync(bulk), new OutcomeComparer());
        Assert.Equal(ParticipantStatus.Withdrawn, expected.Participants[2].Status);
        Assert.Equal(ParticipantStatus.Waitlisted, expected.Participants[3].Status);
    }

    [Fact]
    public async Task Bulk_rejection_leaves_the_delegation_and_its_participants_as_the_entity_methods_do()
    {
        var sessionId = await factory.AddSessionAsync(await factory.AddBodyAsync(BodyKind.Assembly), new DateOnly(2031, 6, 9));
        var bulk = await AddMixedDelegationAsync(sessionId);
        var single = await AddMixedDelegationAsync(sessionId);

        await factory.InScopeAsync(sp => sp.GetRequiredService<RejectDelegations.Handler>().HandleAsync([bulk], "  Not signed.  ", "secretariat"));
        await DecideOneByOneAsync(single, d => d.Reject("secretariat", DateTime.UtcNow, "  Not signed.  "), p => p.Reject("  Not signed.  "), ParticipantDecision.Rejection);

        var expected = await OutcomeAsync(single);
        Assert.Equal(expected, await OutcomeAsync(bulk), new OutcomeComparer());
        Assert.Equal("Not signed.", expected.Reason);
        Assert.Equal(ParticipantStatus.Withdrawn, expected.Participants[2].Status);
        Assert.Equal(ParticipantStatus.Rejected, expected.Participants[3].Status);
    }

    [Fact]
    public void A_rejection_needs_its_reason_and_an_approval_clears_it()
    {
        var at = new DateTime(2031, 6, 1, 9, 0, 0, DateTimeKind.Utc);
        Assert.Equal("Give the reason for the rejection.", Assert.Throws<DomainException>(() => DelegationDecision.Rejection.Take("s", at, " ")).Message);
        Assert.Equal(new DelegationDecided(RegistrationStatus.Rejected, at, "s", "No letter."), DelegationDecision.Rejection.Take("s", at, " No letter. "));
        Assert.Equal(new DelegationDecided(RegistrationStatus.Approved, at, "s", null), DelegationDecision.Approval.Take("s", at, "ignored"));
    }

    [Fact]
    public void Approval_is_taken_on_those_holding_a_place_and_rejection_on_every_nominee_in_the_running()
    {
        Assert.Equal(Participant.HoldingAPlace, ParticipantDecision.Approval.TakenOn);
        Assert.Equal(Participant.InTheRunning, ParticipantDecision.Rejection.TakenOn);
        Assert.Equal([ParticipantStatus.Nominated, ParticipantStatus.Confirmed, ParticipantStatus.Approved, ParticipantStatus.Waitlisted], Participant.InTheRunning);
    }

    /// <summary>A submitted delegation with one nominee, one confirmed, one waitlisted and one withdrawn.</summary>
    private async Task<int> AddMixedDelegationAsync(int sessionId)
    {
        var organisation = await factory.AddOrganisationAsync($"Mixed {OrganisationSeeding.UniqueToken()}", OrganisationCategory.NonGovernmentalOrganisation);
        var seeded = await factory.AddDelegationAsync(sessionId, organisation, Capacity.Stakeholder, RegistrationStatus.Submitted,
            [Nominee("Nadia", "One"), Nominee("Omar", "Two"), Nominee("Pia", "Three")], waitlisted: [Nominee("Quinn", "Four")]);
        await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            var delegation = await db.Delegations.Include(d => d.Participants).SingleAsync(d => d.Id == seeded.Id);
            delegation.Participants.Single(p => p.Id == seeded.ParticipantIds[1]).Confirm(DateTime.UtcNow);
            delegation.WithdrawParticipant(seeded.ParticipantIds[2], DateTime.UtcNow);
            await db.SaveChangesAsync();
        });
        return seeded.Id;
    }

    private Task DecideOneByOneAsync(int delegationId, Action<Delegation> decide, Action<Participant> decideParticipant, ParticipantDecision decision) =>
        factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            var delegation = await db.Delegations.Include(d => d.Participants).SingleAsync(d => d.Id == delegationId);
            decide(delegation);
            foreach (var participant in delegation.Participants.Where(p => decision.MayBeTakenOn(p.Status)))
            {
                decideParticipant(participant);
            }

            await db.SaveChangesAsync();
        });

    private Task<Outcome> OutcomeAsync(int delegationId) =>
        factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            var delegation = await db.Delegations.AsNoTracking().SingleAsync(d => d.Id == delegationId);
            var participants = await db.Participants.AsNoTracking().Where(p => p.DelegationId == delegationId).OrderBy(p => p.Id)
                .Select(p => new { p.Status, p.RejectionReason, p.BadgeToken, p.BadgeRevokedAt }).ToListAsync();
            return new Outcome(delegation.Status, delegation.RejectionReason, delegation.DecidedByUserId,
                participants.Select(p => (p.Status, p.RejectionReason, p.BadgeToken != null, p.BadgeRevokedAt != null)).ToList());
        });

    private sealed class OutcomeComparer : IEqualityComparer<Outcome>
    {
        public bool Equals(Outcome? x, Outcome? y) =>
            x is not null && y is not null && x.Status == y.Status && x.Reason == y.Reason && x.DecidedBy == y.DecidedBy && x.Participants.SequenceEqual(y.Participants);

        public int GetHashCode(Outcome obj) => obj.Status.GetHashCode();
    }
}
