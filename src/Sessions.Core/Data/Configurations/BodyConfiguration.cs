using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sessions.Core.Bodies;

namespace Sessions.Core.Data.Configurations;

public sealed class BodyConfiguration : IEntityTypeConfiguration<Body>
{
    public void Configure(EntityTypeBuilder<Body> builder)
    {
        builder.ComplexProperty(b => b.Name, t => t.IsTranslatedText("Name", 300));
        builder.Property(b => b.SymbolPrefix).HasMaxLength(50).IsRequired();
        builder.HasIndex(b => b.SymbolPrefix).IsUnique();
        builder.Property(b => b.Version).IsConcurrencyToken();
        builder.HasMany(b => b.Memberships).WithOne().HasForeignKey(m => m.BodyId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(b => b.Memberships).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class BodyMembershipConfiguration : IEntityTypeConfiguration<BodyMembership>
{
    public void Configure(EntityTypeBuilder<BodyMembership> builder)
    {
        builder.HasOne(m => m.Organisation).WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.BodyId, m.OrganisationId });
    }
}
