using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sessions.Core.Files;
using Sessions.Core.Registration;
using Sessions.Core.Sessions;
using Sessions.Core.Speakers;

namespace Sessions.Core.Data.Configurations;

public sealed class SpeakersListConfiguration : IEntityTypeConfiguration<SpeakersList>
{
    public void Configure(EntityTypeBuilder<SpeakersList> builder)
    {
        builder.Property(l => l.Version).IsConcurrencyToken();
        builder.HasOne<Session>().WithMany().HasForeignKey(l => l.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AgendaItem>().WithMany().HasForeignKey(l => l.AgendaItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Meeting>().WithMany().HasForeignKey(l => l.MeetingId).OnDelete(DeleteBehavior.Restrict);
        // One list per agenda item and meeting, and one for the item as a whole (SQLite treats empty meetings as distinct).
        builder.HasIndex(l => new { l.AgendaItemId, l.MeetingId }).IsUnique();
        builder.HasIndex(l => l.AgendaItemId, "IX_SpeakersLists_OnePerAgendaItem").IsUnique().HasFilter("\"MeetingId\" IS NULL");
        builder.HasIndex(l => l.SessionId);
        builder.HasMany(l => l.Inscriptions).WithOne().HasForeignKey(i => i.SpeakersListId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(l => l.Inscriptions).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class InscriptionConfiguration : IEntityTypeConfiguration<Inscription>
{
    public void Configure(EntityTypeBuilder<Inscription> builder)
    {
        builder.ToTable("SpeakerInscriptions");
        builder.Property(i => i.GroupName).HasMaxLength(200);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.HasOne<Delegation>().WithMany().HasForeignKey(i => i.DelegationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Participant>().WithMany().HasForeignKey(i => i.SpeakerParticipantId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<StoredFile>().WithMany().HasForeignKey(i => i.StatementFileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Accounts.User>().WithMany().HasForeignKey(i => i.InscribedByUserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(i => new { i.SpeakersListId, i.Status });
        builder.HasIndex(i => new { i.DelegationId, i.SpeakersListId });

        // The database backs the rule "one ordinary statement per delegation per list" against concurrent inscriptions.
        builder.HasIndex(i => new { i.SpeakersListId, i.DelegationId })
            .IsUnique()
            .HasFilter($"\"Kind\" = {(int)InscriptionKind.Statement} AND \"Status\" <> {(int)SpeakerStatus.Withdrawn}")
            .HasDatabaseName("IX_SpeakerInscriptions_OneStatementPerDelegation");
    }
}
