using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sessions.Core.Bodies;
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
    }
}
