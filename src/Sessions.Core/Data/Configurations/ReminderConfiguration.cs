using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sessions.Core.Sessions;

namespace Sessions.Core.Data.Configurations;

public sealed class ReminderConfiguration : IEntityTypeConfiguration<Reminder>
{
    public void Configure(EntityTypeBuilder<Reminder> builder)
    {
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => new { r.SessionId, r.Occasion }).IsUnique();
        builder.HasOne<Session>().WithMany().HasForeignKey(r => r.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Schedule).WithOne(s => s.Reminder).HasForeignKey(s => s.ReminderId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Schedule).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class ScheduledReminderConfiguration : IEntityTypeConfiguration<ScheduledReminder>
{
    public void Configure(EntityTypeBuilder<ScheduledReminder> builder)
    {
        builder.Ignore(s => s.LeadTime);
        builder.HasIndex(s => new { s.ReminderId, s.LeadHours }).IsUnique();
        builder.HasIndex(s => s.DueAt);
    }
}

public sealed class OnlineLinkNoticeConfiguration : IEntityTypeConfiguration<OnlineLinkNotice>
{
    public void Configure(EntityTypeBuilder<OnlineLinkNotice> builder)
    {
        builder.HasOne<Registration.Participant>().WithMany().HasForeignKey(n => n.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Meeting>().WithMany().HasForeignKey(n => n.MeetingId).OnDelete(DeleteBehavior.Cascade);

        // The claim: a participant hears of a meeting's link once.
        builder.HasIndex(n => new { n.ParticipantId, n.MeetingId }).IsUnique();
        builder.HasIndex(n => n.MeetingId);
    }
}
