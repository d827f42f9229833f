using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sessions.Core.Attendance;
using Sessions.Core.Registration;
using Sessions.Core.Sessions;

namespace Sessions.Core.Data.Configurations;

public sealed class AttendanceRecordConfiguration : IEntityTypeConfiguration<AttendanceRecord>
{
    public void Configure(EntityTypeBuilder<AttendanceRecord> builder)
    {
        builder.ToTable("Attendance");
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasOne<Participant>().WithMany().HasForeignKey(a => a.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Meeting>().WithMany().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Accounts.User>().WithMany().HasForeignKey(a => a.RecordedByUserId).OnDelete(DeleteBehavior.SetNull);

        // One record per participant and meeting: two doors reading the same badge at once make one.
        builder.HasIndex(a => new { a.ParticipantId, a.MeetingId }).IsUnique();
        // Covering for the counts of a meeting (door, roster, dashboard) and for who was present (Participation):
        // the participants, and how they took part, are read from the index, not from the table.
        builder.HasIndex(a => new { a.MeetingId, a.Status, a.ParticipantId, a.Mode });
    }
}
