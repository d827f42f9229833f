using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Accounts;
using Sessions.Core.Data;
using Sessions.Core.Files;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;

namespace Sessions.Tests.Infrastructure;

/// <summary>Delegations with their letter and participants, and approved focal points, written straight to the app's database.</summary>
public static class ReviewDelegationBuilders
{
    public const string FocalPointPassword = "a-long-focal-point-password";

    public sealed record SeededDelegation(int Id, IReadOnlyList<int> ParticipantIds);

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
                        participant.Approve();
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

    /// <summary>A signed-up user in <paramref name="language"/>, approved as focal point of the organisation.</summary>
    public static async Task<User> AddFocalPointAsync(this SessionsAppFactory factory, int organisationId, string language = "en", string? email = null)
    {
        email ??= $"focal-{Guid.NewGuid():N}@test.sessions";
        var user = await factory.CreateUserAsync(email, FocalPointPassword, Roles.FocalPoint, language);
        await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            db.FocalPoints.Add(new FocalPoint(organisationId, user.Id, FocalPointStatus.Approved, DateTime.UtcNow));
            await db.SaveChangesAsync();
        });
        return user;
    }

    public static Task<Participant> ParticipantAsync(this SessionsAppFactory factory, int participantId) =>
        factory.InScopeAsync(sp => sp.GetRequiredService<SessionsDbContext>().Participants.AsNoTracking().SingleAsync(p => p.Id == participantId));
}
