using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sessions.Core.Files;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;
using Sessions.Core.Sessions;

namespace Sessions.Core.Data.Configurations;

public sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> builder)
    {
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.OriginalName).HasMaxLength(260).IsRequired();
        builder.Property(f => f.ContentType).HasMaxLength(100).IsRequired();
        builder.Property(f => f.Sha256).HasMaxLength(64).IsRequired();
        builder.Property(f => f.RelativePath).HasMaxLength(300).IsRequired();
    }
}

public sealed class DelegationConfiguration : IEntityTypeConfiguration<Delegation>
{
    public void Configure(EntityTypeBuilder<Delegation> builder)
    {
        builder.Property(d => d.RejectionReason).HasMaxLength(2000);
        builder.Property(d => d.CreatedByUserId).IsRequired();
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.HasOne<Session>().WithMany().HasForeignKey(d => d.SessionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(d => d.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StoredFile>().WithMany().HasForeignKey(d => d.LetterFileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => new { d.SessionId, d.OrganisationId }).IsUnique();
        builder.HasIndex(d => new { d.SessionId, d.Status, d.Capacity });
        // The review queue walks a page of one status in order of submission without sorting.
        builder.HasIndex(d => new { d.SessionId, d.Status, d.SubmittedAt, d.Id });
        builder.HasMany(d => d.Participants).WithOne().HasForeignKey(p => p.DelegationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.Participants).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class ParticipantConfiguration : IEntityTypeConfiguration<Participant>
{
    public void Configure(EntityTypeBuilder<Participant> builder)
    {
        builder.Property(p => p.Title).HasMaxLength(50);
        builder.Property(p => p.GivenName).HasMaxLength(200).IsRequired();
        builder.Property(p => p.FamilyName).HasMaxLength(200).IsRequired();
        builder.Property(p => p.Email).HasMaxLength(320).IsRequired();
        builder.Property(p => p.PreferredLanguage).HasMaxLength(2).IsRequired();
        builder.Property(p => p.ConfirmationToken).HasMaxLength(64).IsRequired();
        builder.Property(p => p.BadgeToken).HasMaxLength(64);
        builder.Property(p => p.RejectionReason).HasMaxLength(2000);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Ignore(p => p.IsActive);
        builder.Ignore(p => p.FullName);
        builder.HasIndex(p => p.ConfirmationToken).IsUnique();
        builder.HasIndex(p => p.BadgeToken).IsUnique();
        builder.HasIndex(p => p.Email);
        builder.HasIndex(p => new { p.DelegationId, p.Status });
        // Covers the public list of participants: approved, consenting nominees counted per delegation without reading rows.
        builder.HasIndex(p => new { p.DelegationId, p.Status, p.ConsentToPublicList });
        builder.HasOne<Accounts.User>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.SetNull);
        GroundsPass(builder);
    }

    private static void GroundsPass(EntityTypeBuilder<Participant> builder)
    {
        builder.Ignore(p => p.GroundsPass);
        builder.Property(p => p.Nationality).HasMaxLength(2);
        builder.Property(p => p.IdentityDocumentNumber).HasMaxLength(IdentityDocument.MaxNumberLength);
        builder.HasOne<StoredFile>().WithMany().HasForeignKey(p => p.PhotoFileId).OnDelete(DeleteBehavior.Restrict);
    }
}
