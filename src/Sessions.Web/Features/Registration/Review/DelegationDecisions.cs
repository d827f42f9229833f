using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Sessions.Core.Audit;
using Sessions.Core.Data;
using Sessions.Core.Notices;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;
using Sessions.Core.Sessions;
using Sessions.Web.Features.Accounts.Account;

namespace Sessions.Web.Features.Registration.Review;

/// <summary>A delegation left as it was by a bulk decision, and why: its status (null when it does not exist).</summary>
public sealed record SkippedDelegation(int Id, string? Organisation, RegistrationStatus? Status);

/// <summary>What a bulk approval or rejection did.</summary>
public sealed record DecisionResult(IReadOnlyList<int> Decided, IReadOnlyList<SkippedDelegation> Skipped);

/// <summary>
/// What approving and rejecting many delegations at once share, in a handful of statements whatever the
/// number of delegations: reading the delegations (untracked), their organisations with the translated names,
/// their sessions and the approved focal points of each organisation; deciding the submitted ones with one
/// UPDATE; and one audit entry per decided delegation, written as <see cref="AuditInterceptor"/> writes its
/// entries and naming the participants the decision changed. Read it inside the decision's transaction.
/// </summary>
public sealed class DelegationBatch
{
    private readonly IReadOnlyList<int> _missing;
    private readonly IReadOnlyDictionary<int, Organisation> _organisations;
    private readonly IReadOnlyDictionary<int, Session> _sessions;
    private readonly ILookup<int, Recipient> _focalPoints;

    private DelegationBatch(
        IReadOnlyList<int> missing,
        IReadOnlyList<Row> delegations,
        IReadOnlyDictionary<int, Organisation> organisations,
        IReadOnlyDictionary<int, Session> sessions,
        ILookup<int, Recipient> focalPoints)
    {
        _missing = missing;
        Delegations = delegations;
        _organisations = organisations;
        _sessions = sessions;
        _focalPoints = focalPoints;
        Submitted = delegations.Where(d => DelegationDecision.MayBeTakenOn(d.Status)).ToList();
        SubmittedIds = Submitted.Select(d => d.Id).ToList();
    }

    public sealed record Recipient(string Email, string Name, string Language);

    /// <summary>A delegation as it was before the decision: what the audit entry records as the old values.</summary>
    public sealed record Row(int Id, int SessionId, int OrganisationId, RegistrationStatus Status, DateTime? DecidedAt, string? DecidedByUserId, string? RejectionReason);

    public IReadOnlyList<Row> Delegations { get; }

    /// <summary>The only ones a decision changes (<see cref="DelegationDecision.MayBeTakenOn"/>).</summary>
    public IReadOnlyList<Row> Submitted { get; }

    public IReadOnlyList<int> SubmittedIds { get; }

    /// <summary>The sessions of the delegations a decision changes (read untracked).</summary>
    public IEnumerable<Session> SessionsDecided => Submitted.Select(d => d.SessionId).Distinct().Select(id => _sessions[id]);

    /// <summary>The approved focal points of the delegation's organisation.</summary>
    public IEnumerable<Recipient> FocalPoints(Row delegation) => _focalPoints[delegation.OrganisationId];

    public string OrganisationName(Row delegation, string language) =>
        _organisations.TryGetValue(delegation.OrganisationId, out var organisation) ? organisation.DisplayName(language) : "";

    /// <summary>The placeholders every notice about this delegation fills: the session's, the organisation's name in the reader's language, the delegation's page.</summary>
    public NoticeValues Values(Row delegation, AccountNotices links)
    {
        var session = _sessions[delegation.SessionId];
        return NoticeValues.ForSession(session, links.Absolute($"/sessions/{session.Id}")).With(new NoticeValues
        {
            { "OrganisationName", new NoticeValue.PerLanguage(language => OrganisationName(delegation, language)) },
            { "DelegationLink", new NoticeValue.Link(links.Absolute($"/delegations/{delegation.Id}")) },
        });
    }

    /// <summary>The decided ones, and the others with why they were left (their organisation in <paramref name="language"/>).</summary>
    public DecisionResult Result(string language) => new(
        SubmittedIds,
        _missing.Select(id => new SkippedDelegation(id, null, null))
            .Concat(Delegations.Where(d => !DelegationDecision.MayBeTakenOn(d.Status)).Select(d => new SkippedDelegation(d.Id, OrganisationName(d, language), d.Status)))
            .ToList());

    public static async Task<DelegationBatch> LoadAsync(SessionsDbContext db, IReadOnlyList<int> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        var delegations = await db.Delegations.AsNoTracking().Where(d => wanted.Contains(d.Id)).OrderBy(d => d.Id)
            .Select(d => new Row(d.Id, d.SessionId, d.OrganisationId, d.Status, d.DecidedAt, d.DecidedByUserId, d.RejectionReason))
            .ToListAsync(cancellationToken);
        var organisationIds = delegations.Select(d => d.OrganisationId).Distinct().ToList();
        var sessionIds = delegations.Select(d => d.SessionId).Distinct().ToList();

        var organisations = await db.Organisations.AsNoTracking().Include(o => o.Names)
            .Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, cancellationToken);
        var sessions = await db.Sessions.AsNoTracking().Where(s => sessionIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        var focalPoints = await db.FocalPointRecipients(organisationIds).AsNoTracking().ToListAsync(cancellationToken);

        var found = delegations.Select(d => d.Id).ToHashSet();
        return new DelegationBatch(
            wanted.Where(id => !found.Contains(id)).ToList(),
            delegations,
            organisations,
            sessions,
            focalPoints.ToLookup(f => f.OrganisationId, f => new Recipient(f.Email, f.FullName, f.PreferredLanguage)));
    }

    /// <summary>
    /// Takes the decision on the submitted delegations in one UPDATE (<see cref="DelegationDecision.ApplyAsync"/>), on the
    /// condition that they are still submitted: when one is not any more, someone changed it since it was read, and
    /// nothing is saved.
    /// </summary>
    public async Task DecideAsync(SessionsDbContext db, DelegationDecided decided, CancellationToken cancellationToken)
    {
        var ids = SubmittedIds;
        var changed = await DelegationDecision.ApplyAsync(db.Delegations.Where(d => ids.Contains(d.Id)), decided, cancellationToken);
        if (changed != ids.Count)
        {
            throw new DbUpdateConcurrencyException($"{ids.Count - changed} of the delegations to decide changed meanwhile.");
        }
    }

    /// <summary>One audit entry per decided delegation: its changed fields as [old, new], and the ids of the participants the decision changed.</summary>
    public async Task AuditAsync(SessionsDbContext db, DelegationDecided decided, ILookup<int, DecidedParticipant> participants, CancellationToken cancellationToken)
    {
        var userName = await db.Users.Where(u => u.Id == decided.DecidedByUserId).Select(u => u.UserName).FirstOrDefaultAsync(cancellationToken);
        var participantsKey = decided.Status == RegistrationStatus.Approved ? "ParticipantsApproved" : "ParticipantsRejected";
        using var writer = new TableWriter<AuditEntry>(db, db.Database.GetDbConnection())
        {
            Transaction = db.Database.CurrentTransaction!.GetDbTransaction(),
        };
        foreach (var delegation in Submitted)
        {
            var changes = new Dictionary<string, object?[]> { [nameof(Delegation.Status)] = [delegation.Status, decided.Status] };
            Changed(nameof(Delegation.DecidedAt), delegation.DecidedAt, decided.DecidedAt);
            Changed(nameof(Delegation.DecidedByUserId), delegation.DecidedByUserId, decided.DecidedByUserId);
            Changed(nameof(Delegation.RejectionReason), delegation.RejectionReason, decided.RejectionReason);
            var changedParticipants = participants[delegation.Id].Select(p => p.Id).Order().ToList();
            if (changedParticipants.Count > 0)
            {
                changes[participantsKey] = [null, changedParticipants];
            }

            await writer.InsertAsync(
                AuditEntry.Of(decided.DecidedAt, decided.DecidedByUserId, userName, nameof(Delegation), delegation.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "Modified", changes),
                cancellationToken);

            void Changed(string name, object? before, object? after)
            {
                if (!Equals(before, after))
                {
                    changes[name] = [before, after];
                }
            }
        }
    }
}
