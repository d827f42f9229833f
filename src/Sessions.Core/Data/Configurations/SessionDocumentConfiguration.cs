using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sessions.Core.Documents;
using Sessions.Core.Sessions;

namespace Sessions.Core.Data.Configurations;

public sealed class SessionDocumentConfiguration : IEntityTypeConfiguration<SessionDocument>
{
    public void Configure(EntityTypeBuilder<SessionDocument> builder)
    {
        builder.ToTable("Documents");
        builder.Property(d => d.Symbol).HasMaxLength(SessionDocument.MaxSymbolLength).IsRequired();
        builder.HasIndex(d => d.Symbol).IsUnique();
        builder.HasIndex(d => new { d.SessionId, d.DistributedOn });
        builder.ComplexProperty(d => d.Title, t => t.IsTranslatedText("Title", SessionDocument.MaxTitleLength));
        builder.Ignore(d => d.OriginalLanguage);
        builder.Ignore(d => d.IsDraft);
        builder.Ignore(d => d.CurrentFiles);
        builder.Ignore(d => d.MissingLanguages);
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.HasOne<Session>().WithMany().HasForeignKey(d => d.SessionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(d => d.AgendaItems).WithOne().HasForeignKey(a => a.DocumentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(d => d.Files).WithOne().HasForeignKey(f => f.DocumentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.AgendaItems).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(d => d.Files).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class DocumentAgendaItemConfiguration : IEntityTypeConfiguration<DocumentAgendaItem>
{
    public void Configure(EntityTypeBuilder<DocumentAgendaItem> builder)
    {
        builder.HasIndex(a => new { a.DocumentId, a.AgendaItemId }).IsUnique();
        builder.HasIndex(a => a.AgendaItemId);
        builder.HasOne<AgendaItem>().WithMany().HasForeignKey(a => a.AgendaItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class DocumentFileConfiguration : IEntityTypeConfiguration<DocumentFile>
{
    public void Configure(EntityTypeBuilder<DocumentFile> builder)
    {
        builder.Property(f => f.Language).HasMaxLength(2).IsRequired();
        builder.HasIndex(f => new { f.DocumentId, f.Language, f.Revision }).IsUnique();
        builder.HasIndex(f => f.AnnouncedAt);
        builder.HasOne(f => f.StoredFile).WithMany().HasForeignKey(f => f.StoredFileId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class DocumentsAvailableNoticeConfiguration : IEntityTypeConfiguration<DocumentsAvailableNotice>
{
    public void Configure(EntityTypeBuilder<DocumentsAvailableNotice> builder)
    {
        builder.HasOne<Session>().WithMany().HasForeignKey(n => n.SessionId).OnDelete(DeleteBehavior.Cascade);

        // The claim: one notice per session and day at the venue.
        builder.HasIndex(n => new { n.SessionId, n.Day }).IsUnique();
    }
}
