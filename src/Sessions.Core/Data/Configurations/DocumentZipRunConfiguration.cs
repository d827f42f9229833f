using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sessions.Core.Attendance;
using Sessions.Core.Documents;
using Sessions.Core.Sessions;

namespace Sessions.Core.Data.Configurations;

public sealed class DocumentZipRunConfiguration : IEntityTypeConfiguration<DocumentZipRun>
{
    public void Configure(EntityTypeBuilder<DocumentZipRun> builder)
    {
        builder.ToTable("DocumentZipRuns");
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Property(r => r.Language).HasMaxLength(8);
        builder.Property(r => r.ContentKey).HasMaxLength(64);
        builder.Property(r => r.StoredPath).HasMaxLength(400);
        builder.Ignore(r => r.IsActive);
        builder.HasOne<Session>().WithMany().HasForeignKey(r => r.SessionId).OnDelete(DeleteBehavior.Cascade);

        // One active run per session and language: a second request joins it instead of starting another.
        builder.HasIndex(r => new { r.SessionId, r.Language }, "IX_DocumentZipRuns_OneActive").IsUnique()
            .HasFilter($"\"Status\" IN ({(int)ReportRunStatus.Queued}, {(int)ReportRunStatus.Running})");
        builder.HasIndex(r => new { r.SessionId, r.Language, r.Id });
    }
}
