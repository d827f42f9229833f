using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Sessions.Core.Data;

namespace Sessions.Core.Registration;

/// <summary>A participant a bulk decision changed, as the notices need them.</summary>
public sealed record DecidedParticipant(int Id, int DelegationId, string FullName, string Email, string PreferredLanguage, string? BadgeToken, string ConfirmationToken);

/// <summary>
/// The secretariat's decision on a participant, written once: whom it may be taken on, the status it leads to,
/// the reason it records and what it does to the badge. <see cref="Participant.Approve"/> and
/// <see cref="Participant.Reject"/> apply it to one tracked participant; <see cref="ApplyAsync"/> applies it to
/// every participant of many delegations with one UPDATE per batch (set-based: a thousand delegations at once),
/// built from the same definition.
/// </summary>
public sealed class ParticipantDecision
{
    /// <summary>Those who hold a place are approved and get a badge; the waitlisted stay waitlisted.</summary>
    public static readonly ParticipantDecision Approval = new(ParticipantStatus.Approved, Participant.HoldingAPlace, recordsReason: false, issuesBadge: true);

    /// <summary>The nominees, waitlisted included, are rejected with the reason; a badge already issued is revoked.</summary>
    public static readonly ParticipantDecision Rejection = new(ParticipantStatus.Rejected, Participant.InTheRunning, recordsReason: true, issuesBadge: false);

    private const int Batch = 500;

    private const string Returning =
        """RETURNING "Id", "DelegationId", "GivenName", "FamilyName", "Email", "PreferredLanguage", "BadgeToken", "ConfirmationToken" """;

    private ParticipantDecision(ParticipantStatus outcome, IReadOnlyList<ParticipantStatus> takenOn, bool recordsReason, bool issuesBadge)
    {
        Outcome = outcome;
        TakenOn = takenOn;
        RecordsReason = recordsReason;
        IssuesBadge = issuesBadge;
    }

    public ParticipantStatus Outcome { get; }

    /// <summary>The statuses a participant may have for the decision to be taken on them.</summary>
    public IReadOnlyList<ParticipantStatus> TakenOn { get; }

    /// <summary>A rejection records its reason; an approval clears any earlier one.</summary>
    public bool RecordsReason { get; }

    /// <summary>True: a badge token where there is none, and no longer revoked. False: a badge already issued is revoked.</summary>
    public bool IssuesBadge { get; }

    public bool MayBeTakenOn(ParticipantStatus status) => TakenOn.Contains(status);

    /// <summary>The reason as stored: trimmed, null when blank or when the decision records none.</summary>
    public string? Reason(string? reason) => RecordsReason && !string.IsNullOrWhiteSpace(reason) ? reason.Trim() : null;

    /// <summary>
    /// Takes the decision on the participants of the delegations it may be taken on, and returns the rows it
    /// changed (RETURNING: SQLite 3.35+ and PostgreSQL). Runs in the caller's transaction. Not audited here:
    /// the caller writes one entry per delegation. The badge token is the only SQL that differs between providers.
    /// </summary>
    public async Task<List<DecidedParticipant>> ApplyAsync(SessionsDbContext db, IReadOnlyCollection<int> delegationIds, string? reason, DateTime at, CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("Participants are decided inside the transaction that decides their delegations.");
        if (Outcome == ParticipantStatus.Approved)
        {
            await RefuseIncompleteGroundsPassesAsync(db, delegationIds, cancellationToken);
        }

        var badge = IssuesBadge
            ? $"""
               "BadgeToken" = COALESCE("BadgeToken", {NewToken(db)}), "BadgeRevokedAt" = NULL
               """
            : """
              "BadgeRevokedAt" = CASE WHEN "BadgeToken" IS NULL THEN "BadgeRevokedAt" ELSE @at END
              """;
        var version = Guid.NewGuid();
        var decided = new List<DecidedParticipant>();
        foreach (var chunk in delegationIds.Distinct().Chunk(Batch))
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = transaction.GetDbTransaction();
            command.CommandText = $"""
                UPDATE "Participants"
                SET "Status" = {(int)Outcome}, "RejectionReason" = @reason, {badge}, "Version" = @version
                WHERE "DelegationId" IN ({Numbers(chunk)}) AND "Status" IN ({Numbers(TakenOn.Select(s => (int)s))})
                {Returning}
                """;
            command.Parameters.Add(Parameter(db, command, "@reason", nameof(Participant.RejectionReason), Reason(reason)));
            command.Parameters.Add(Parameter(db, command, "@version", nameof(Participant.Version), version));
            if (!IssuesBadge)
            {
                command.Parameters.Add(Parameter(db, command, "@at", nameof(Participant.BadgeRevokedAt), at));
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                decided.Add(new DecidedParticipant(
                    reader.GetInt32(0),
                    reader.GetInt32(1),
                    $"{reader.GetString(2)} {reader.GetString(3)}".Trim(),
                    reader.GetString(4),
                    reader.GetString(5),
                    reader.IsDBNull(6) ? null : reader.GetString(6),
                    reader.GetString(7)));
            }
        }

        return decided;
    }

    /// <summary>
    /// <see cref="GroundsPassRequirements.Refuse"/> on every participant the approval would be taken on, in sessions that
    /// ask for anything: the same rule as <see cref="Participant.Approve"/>, read in one query per batch.
    /// </summary>
    private async Task RefuseIncompleteGroundsPassesAsync(SessionsDbContext db, IReadOnlyCollection<int> delegationIds, CancellationToken cancellationToken)
    {
        var holders = new List<GroundsPassHolder>();
        var takenOn = TakenOn.ToList();
        foreach (var chunk in delegationIds.Distinct().Chunk(Batch))
        {
            var rows = await (
                    from p in db.Participants.AsNoTracking()
                    join d in db.Delegations on p.DelegationId equals d.Id
                    join s in db.Sessions on d.SessionId equals s.Id
                    where chunk.Contains(p.DelegationId) && takenOn.Contains(p.Status) && (s.AsksForPhoto || s.AsksForIdentityDocument)
                    select new { p.GivenName, p.FamilyName, s.AsksForPhoto, s.AsksForIdentityDocument, p.PhotoFileId, p.Nationality, p.IdentityDocumentNumber, p.IdentityDocumentExpiresOn })
                .ToListAsync(cancellationToken);
            holders.AddRange(rows.Select(r => new GroundsPassHolder(
                $"{r.GivenName} {r.FamilyName}".Trim(),
                new GroundsPassRequirements(r.AsksForPhoto, r.AsksForIdentityDocument),
                new GroundsPassState(r.PhotoFileId is not null, r.Nationality, r.IdentityDocumentNumber, r.IdentityDocumentExpiresOn))));
        }

        GroundsPassRequirements.Refuse(holders);
    }

    /// <summary>160 random bits in hex, as <see cref="Participant.NewToken"/> makes them, generated by the database.</summary>
    private static string NewToken(SessionsDbContext db) => db.Database.ProviderName switch
    {
        "Microsoft.EntityFrameworkCore.Sqlite" => "lower(hex(randomblob(20)))",
        "Npgsql.EntityFrameworkCore.PostgreSQL" => "encode(gen_random_bytes(20), 'hex')", // pgcrypto
        var provider => throw new NotSupportedException($"No badge token SQL for {provider}."),
    };

    private static string Numbers(IEnumerable<int> numbers) =>
        string.Join(", ", numbers.Select(n => n.ToString(CultureInfo.InvariantCulture)));

    /// <summary>A parameter typed and converted as EF stores the property (a Guid as SQLite text, a UTC date).</summary>
    private static DbParameter Parameter(SessionsDbContext db, DbCommand command, string name, string property, object? value) =>
        db.Model.FindEntityType(typeof(Participant))!.FindProperty(property)!.GetRelationalTypeMapping()
            .CreateParameter(command, name, value, nullable: true);
}
