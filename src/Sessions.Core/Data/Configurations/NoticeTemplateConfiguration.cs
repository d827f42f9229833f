using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sessions.Core.Notices;

namespace Sessions.Core.Data.Configurations;

public sealed class NoticeTemplateConfiguration : IEntityTypeConfiguration<NoticeTemplate>
{
    public void Configure(EntityTypeBuilder<NoticeTemplate> builder)
    {
        builder.Property(t => t.Kind).HasMaxLength(64).IsRequired();
        builder.Property(t => t.Language).HasMaxLength(2).IsRequired();
        builder.Property(t => t.Subject).HasMaxLength(500).IsRequired();
        builder.Property(t => t.Body).HasMaxLength(20_000).IsRequired();
        builder.Property(t => t.UpdatedByUserId).HasMaxLength(450).IsRequired();
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.Ignore(t => t.Text);
        builder.HasIndex(t => new { t.Kind, t.Language }).IsUnique();
    }
}
