using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sessions.Core.Files;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;
using Sessions.Core.Sessions;
using Sessions.Core.Statements;

namespace Sessions.Core.Data.Configurations;

public sealed class StatementRulesConfiguration : IEntityTypeConfiguration<StatementRules>
{
    public void Configure(EntityTypeBuilder<StatementRules> builder)
    {
        builder.HasKey(r => r.SessionId);
        builder.Property(r => r.SessionId).ValueGeneratedNever();
        builder.HasOne<Session>().WithOne().HasForeignKey<StatementRules>(r => r.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(r => r.AcceptedLanguages).HasMaxLength(20);
        builder.Property(r => r.StateSeries).HasMaxLength(StatementSymbols.PatternMaxLength);
        builder.Property(r => r.IntergovernmentalSeries).HasMaxLength(StatementSymbols.PatternMaxLength);
        builder.Property(r => r.StakeholderSeries).HasMaxLength(StatementSymbols.PatternMaxLength);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Ignore(r => r.AcceptedLanguageCodes);
    }
}

public sealed class WrittenStatementConfiguration : IEntityTypeConfiguration<WrittenStatement>
{
    public void Configure(EntityTypeBuilder<WrittenStatement> builder)
    {
        builder.Property(s => s.Title).HasMaxLength(WrittenStatement.TitleMaxLength);
        builder.Property(s => s.Language).HasMaxLength(2);
        builder.Property(s => s.Reason).HasMaxLength(WrittenStatement.ReasonMaxLength);
        builder.Property(s => s.Series).HasMaxLength(StatementSymbols.PatternMaxLength + 50);
        builder.Property(s => s.Symbol).HasMaxLength(StatementSymbols.PatternMaxLength + 50);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasOne<Session>().WithMany().HasForeignKey(s => s.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AgendaItem>().WithMany().HasForeignKey(s => s.AgendaItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Delegation>().WithMany().HasForeignKey(s => s.DelegationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(s => s.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StoredFile>().WithMany().HasForeignKey(s => s.FileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<WrittenStatement>().WithMany().HasForeignKey(s => s.DuplicateOfId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.SessionId, s.Status });
        builder.HasIndex(s => s.DelegationId);

        // A number is given once per series: two acceptances at the same moment cannot both take it.
        builder.HasIndex(s => new { s.SessionId, s.Series, s.Number }).IsUnique().HasFilter("\"Number\" IS NOT NULL")
            .HasDatabaseName("IX_WrittenStatements_OneNumberPerSeries");

        builder.HasMany(s => s.CoSponsors).WithOne().HasForeignKey(c => c.WrittenStatementId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.CoSponsors).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(s => s.Supporters).WithOne().HasForeignKey(c => c.WrittenStatementId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Supporters).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class StatementCoSponsorConfiguration : IEntityTypeConfiguration<StatementCoSponsor>
{
    public void Configure(EntityTypeBuilder<StatementCoSponsor> builder)
    {
        builder.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.WrittenStatementId, c.OrganisationId }).IsUnique();
        builder.HasIndex(c => new { c.OrganisationId, c.Answer });
    }
}

public sealed class StatementSupporterConfiguration : IEntityTypeConfiguration<StatementSupporter>
{
    public void Configure(EntityTypeBuilder<StatementSupporter> builder) =>
        builder.Property(s => s.Name).HasMaxLength(WrittenStatement.SupporterMaxLength);
}
