using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sessions.Core.Notices;

namespace Sessions.Core.Data.Configurations;

public sealed class OutboundEmailConfiguration : IEntityTypeConfiguration<OutboundEmail>
{
    public void Configure(EntityTypeBuilder<OutboundEmail> builder)
    {
        builder.Property(e => e.ToAddress).HasMaxLength(320).IsRequired();
        builder.Property(e => e.ToName).HasMaxLength(300);
        builder.Property(e => e.Language).HasMaxLength(2).IsRequired();
        builder.Property(e => e.Kind).HasMaxLength(64).IsRequired();
        builder.Property(e => e.Subject).HasMaxLength(500).IsRequired();
        builder.Property(e => e.AttachmentName).HasMaxLength(200);
        builder.Property(e => e.MessageId).HasMaxLength(300);
        builder.Property(e => e.LastError).HasMaxLength(2000);
        builder.HasIndex(e => new { e.Status, e.NextAttemptAt });
        builder.HasIndex(e => e.Kind);
        builder.HasIndex(e => new { e.CampaignId, e.Status });
        builder.HasOne<NoticeCampaign>().WithMany().HasForeignKey(e => e.CampaignId).OnDelete(DeleteBehavior.Restrict);
    }
}

