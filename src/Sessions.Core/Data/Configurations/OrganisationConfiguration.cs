using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sessions.Core.Organisations;

namespace Sessions.Core.Data.Configurations;

public sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.Property(o => o.Name).HasMaxLength(400).IsRequired();
        builder.Property(o => o.NormalisedName).HasMaxLength(400).IsRequired();
        builder.Property(o => o.OriginalLanguage).HasMaxLength(2).IsRequired();
        builder.Property(o => o.Acronym).HasMaxLength(50);
        builder.Property(o => o.CountryCode).HasMaxLength(2);
        builder.Property(o => o.Website).HasMaxLength(300);
        builder.Property(o => o.NormalisedAcronym).HasMaxLength(100).IsRequired();
        builder.Property(o => o.NormalisedWebsite).HasMaxLength(300).IsRequired();
        builder.Property(o => o.ContactEmail).HasMaxLength(256);
        builder.Property(o => o.Version).IsConcurrencyToken();
        builder.HasIndex(o => o.NormalisedName);
        builder.HasIndex(o => o.NormalisedAcronym);
        builder.HasIndex(o => o.NormalisedWebsite);
        builder.HasIndex(o => o.Category);
        builder.HasIndex(o => o.CountryCode);
        builder.HasMany(o => o.Names).WithOne().HasForeignKey(n => n.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(o => o.FocalPoints).WithOne(f => f.Organisation).HasForeignKey(f => f.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(o => o.Names).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(o => o.FocalPoints).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class OrganisationNameConfiguration : IEntityTypeConfiguration<OrganisationName>
{
    public void Configure(EntityTypeBuilder<OrganisationName> builder)
    {
        builder.Property(n => n.Language).HasMaxLength(2).IsRequired();
        builder.Property(n => n.Name).HasMaxLength(400).IsRequired();
        builder.Property(n => n.NormalisedName).HasMaxLength(400).IsRequired();
        builder.HasIndex(n => n.NormalisedName);
        builder.HasIndex(n => new { n.OrganisationId, n.Language }).IsUnique();
    }
}

public sealed class FocalPointConfiguration : IEntityTypeConfiguration<FocalPoint>
{
    public void Configure(EntityTypeBuilder<FocalPoint> builder)
    {
        builder.Property(f => f.UserId).IsRequired();
        builder.Property(f => f.DecisionReason).HasMaxLength(1000);
        builder.HasOne<Accounts.User>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => new { f.OrganisationId, f.UserId }).IsUnique();
        builder.HasIndex(f => f.Status);
    }
}
