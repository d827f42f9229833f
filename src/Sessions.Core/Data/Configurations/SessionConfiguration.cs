using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sessions.Core.Sessions;

namespace Sessions.Core.Data.Configurations;

public sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> builder)
    {
        builder.Property(s => s.Symbol).HasMaxLength(50).IsRequired();
        builder.ComplexProperty(s => s.Title, t => t.IsTranslatedText("Title", 400));
        builder.ComplexProperty(s => s.Venue, t => t.IsTranslatedText("Venue", 300));
        builder.Property(s => s.TimeZoneId).HasMaxLength(64).IsRequired();
        builder.Property(s => s.WorkingLanguage).HasMaxLength(2).IsRequired();
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Ignore(s => s.TimeZone);
        builder.Ignore(s => s.GroundsPass);
        builder.Ignore(s => s.DocumentsDue);
        builder.HasIndex(s => s.Symbol).IsUnique();
        builder.HasIndex(s => s.OpensOn);
        builder.HasOne(s => s.Body).WithMany().HasForeignKey(s => s.BodyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.AgendaItems).WithOne().HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Meetings).WithOne().HasForeignKey(m => m.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.AgendaItems).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(s => s.Meetings).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> builder)
    {
        builder.Property(a => a.Number).HasMaxLength(20).IsRequired();
        builder.ComplexProperty(a => a.Title, t => t.IsTranslatedText("Title", AgendaItem.MaxTitleLength));
        builder.HasIndex(a => new { a.SessionId, a.Number }).IsUnique();
    }
}

public sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> builder)
    {
        builder.Property(m => m.Room).HasMaxLength(100);
        builder.ComplexProperty(m => m.Name, n => n.IsOptionalTranslatedText("Name", Meeting.MaxNameLength));
        builder.Property(m => m.OnlineLink).HasMaxLength(OnlineMeetingLink.MaxLength);
        builder.HasIndex(m => new { m.SessionId, m.Number }).IsUnique();
    }
}
