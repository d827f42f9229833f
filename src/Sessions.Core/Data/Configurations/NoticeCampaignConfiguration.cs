using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sessions.Core.Notices;
using Sessions.Core.Sessions;

namespace Sessions.Core.Data.Configurations;

public sealed class NoticeCampaignConfiguration : IEntityTypeConfiguration<NoticeCampaign>
{
    public void Configure(EntityTypeBuilder<NoticeCampaign> builder)
    {
        builder.Property(c => c.Kind).HasMaxLength(64).IsRequired();
        builder.Property(c => c.CreatedByUserId).HasMaxLength(450).IsRequired();
        builder.Property(c => c.SentByUserId).HasMaxLength(450);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Ignore(c => c.NoticeKind);
        builder.Ignore(c => c.Audience);
        builder.HasOne<Session>().WithMany().HasForeignKey(c => c.SessionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Meeting>().WithMany().HasForeignKey(c => c.MeetingId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(c => c.Texts).WithOne().HasForeignKey(t => t.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Texts).HasField("_texts");
        builder.HasIndex(c => new { c.Status, c.ScheduledAt });
    }
}

public sealed class NoticeCampaignTextConfiguration : IEntityTypeConfiguration<NoticeCampaignText>
{
    public void Configure(EntityTypeBuilder<NoticeCampaignText> builder)
    {
        builder.ToTable("NoticeCampaignTexts");
        builder.Property(t => t.Language).HasMaxLength(2).IsRequired();
        builder.Property(t => t.Subject).HasMaxLength(500).IsRequired();
        builder.Property(t => t.Body).HasMaxLength(20_000).IsRequired();
        builder.Ignore(t => t.Text);
        builder.HasIndex(t => new { t.CampaignId, t.Language }).IsUnique();
    }
}
