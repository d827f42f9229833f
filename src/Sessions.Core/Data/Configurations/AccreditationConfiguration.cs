using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sessions.Core.Accounts;
using Sessions.Core.Accreditation;
using Sessions.Core.Bodies;
using Sessions.Core.Files;
using Sessions.Core.Organisations;
using AccreditationRecord = Sessions.Core.Accreditation.Accreditation;

namespace Sessions.Core.Data.Configurations;

public sealed class AccreditationConfiguration : IEntityTypeConfiguration<AccreditationRecord>
{
    public void Configure(EntityTypeBuilder<AccreditationRecord> builder)
    {
        builder.ToTable("Accreditations");
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasOne<Organisation>().WithMany().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Body>().WithMany().HasForeignKey(a => a.BodyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.OrganisationId, a.Basis });
        builder.HasIndex(a => a.Basis);
        builder.HasIndex(a => new { a.Status, a.UpdatedAt });

        // One pending ad hoc application per organisation and body, even when a form is sent twice at once.
        builder.HasIndex(a => new { a.OrganisationId, a.BodyId })
            .HasDatabaseName("IX_Accreditations_PendingAdHocApplication")
            .IsUnique()
            .HasFilter($"\"Basis\" = {(int)AccreditationBasis.AdHoc} AND \"Status\" = {(int)AccreditationStatus.Pending}");
        builder.HasMany(a => a.History).WithOne().HasForeignKey(c => c.AccreditationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.History).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasOne(a => a.Application).WithOne().HasForeignKey<AccreditationApplication>(p => p.AccreditationId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class AccreditationChangeConfiguration : IEntityTypeConfiguration<AccreditationChange>
{
    public void Configure(EntityTypeBuilder<AccreditationChange> builder)
    {
        builder.ToTable("AccreditationChanges");
        builder.Property(c => c.Reason).HasMaxLength(AccreditationRecord.ReasonMaxLength);
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.ByUserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(c => new { c.AccreditationId, c.At });
    }
}

public sealed class AccreditationApplicationConfiguration : IEntityTypeConfiguration<AccreditationApplication>
{
    public void Configure(EntityTypeBuilder<AccreditationApplication> builder)
    {
        builder.ToTable("AccreditationApplications");
        builder.Property(p => p.Mission).HasMaxLength(AccreditationApplication.MissionMaxLength).IsRequired();
        builder.Property(p => p.SubmittedByUserId).IsRequired();
        builder.HasIndex(p => p.AccreditationId).IsUnique();
        builder.HasOne<StoredFile>().WithMany().HasForeignKey(p => p.LetterFileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StoredFile>().WithMany().HasForeignKey(p => p.GoverningBodyListFileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(p => p.SubmittedByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}
