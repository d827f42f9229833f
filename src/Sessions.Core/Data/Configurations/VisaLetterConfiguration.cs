using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sessions.Core.Registration;
using Sessions.Core.Sessions;

namespace Sessions.Core.Data.Configurations;

public sealed class VisaLetterRequestConfiguration : IEntityTypeConfiguration<VisaLetterRequest>
{
    public void Configure(EntityTypeBuilder<VisaLetterRequest> builder)
    {
        builder.Property(r => r.PassportNumber).HasMaxLength(20).IsRequired();
        builder.Property(r => r.Nationality).HasMaxLength(2).IsRequired();
        builder.Property(r => r.ConsulateCity).HasMaxLength(100).IsRequired();
        builder.Property(r => r.ConsulateCountry).HasMaxLength(2).IsRequired();
        builder.Property(r => r.RefusalReason).HasMaxLength(VisaLetterRequest.ReasonMaxLength);
        builder.Property(r => r.Reference).HasMaxLength(100);
        builder.Property(r => r.LetterLanguage).HasMaxLength(2);
        builder.Property(r => r.LetterTitle).HasMaxLength(500);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Ignore(r => r.IsOpen);
        builder.HasOne<Participant>().WithMany().HasForeignKey(r => r.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Session>().WithMany().HasForeignKey(r => r.SessionId).OnDelete(DeleteBehavior.Restrict);
        // One open request (asked or approved) per participant, whatever two clicks at once try.
        builder.HasIndex(r => r.ParticipantId).IsUnique().HasFilter("\"Status\" IN (1, 2)").HasDatabaseName("IX_VisaLetterRequests_OneOpenPerParticipant");
        builder.HasIndex(r => new { r.SessionId, r.Status, r.RequestedAt });
        // Letters are numbered 1, 2, 3... per session, each number once, whatever approvals run at the same moment.
        builder.HasIndex(r => new { r.SessionId, r.ReferenceNumber }).IsUnique().HasFilter("\"ReferenceNumber\" IS NOT NULL")
            .HasDatabaseName("IX_VisaLetterRequests_OneNumberPerSession");
    }
}

public sealed class SpecialRequirementsConfiguration : IEntityTypeConfiguration<SpecialRequirements>
{
    public void Configure(EntityTypeBuilder<SpecialRequirements> builder)
    {
        builder.HasKey(r => r.ParticipantId);
        builder.Property(r => r.ParticipantId).ValueGeneratedNever();
        builder.Property(r => r.OtherAccessibility).HasMaxLength(Needs.TextMaxLength);
        builder.Property(r => r.Dietary).HasMaxLength(Needs.TextMaxLength);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Ignore(r => r.Needs);
        builder.HasOne(r => r.Participant).WithOne().HasForeignKey<SpecialRequirements>(r => r.ParticipantId).OnDelete(DeleteBehavior.Cascade);
    }
}
