using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Sessions.Core.Accounts;
using Sessions.Core.Attendance;
using Sessions.Core.Audit;
using Sessions.Core.Bodies;
using Sessions.Core.Files;
using Sessions.Core.Notices;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;
using Sessions.Core.Sessions;
using Sessions.Core.Speakers;
using Sessions.Core.Statements;
using AccreditationRecord = Sessions.Core.Accreditation.Accreditation;

namespace Sessions.Core.Data;

public class SessionsDbContext(DbContextOptions<SessionsDbContext> options) : IdentityDbContext<User>(options)
{
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<OrganisationName> OrganisationNames => Set<OrganisationName>();
    public DbSet<FocalPoint> FocalPoints => Set<FocalPoint>();
    public DbSet<AccreditationRecord> Accreditations => Set<AccreditationRecord>();
    public DbSet<Accreditation.AccreditationChange> AccreditationChanges => Set<Accreditation.AccreditationChange>();
    public DbSet<Accreditation.AccreditationApplication> AccreditationApplications => Set<Accreditation.AccreditationApplication>();
    public DbSet<Body> Bodies => Set<Body>();
    public DbSet<BodyMembership> BodyMemberships => Set<BodyMembership>();
    public DbSet<Session> Sessions => Set<Session>();
    public DbSet<AgendaItem> AgendaItems => Set<AgendaItem>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<Reminder> Reminders => Set<Reminder>();
    public DbSet<ScheduledReminder> ScheduledReminders => Set<ScheduledReminder>();
    public DbSet<OnlineLinkNotice> OnlineLinkNotices => Set<OnlineLinkNotice>();
    public DbSet<OutboundEmail> OutboundEmails => Set<OutboundEmail>();
    public DbSet<NoticeTemplate> NoticeTemplates => Set<NoticeTemplate>();
    public DbSet<NoticeCampaign> NoticeCampaigns => Set<NoticeCampaign>();
    public DbSet<NoticeCampaignText> NoticeCampaignTexts => Set<NoticeCampaignText>();
    public DbSet<StoredFile> StoredFiles => Set<StoredFile>();
    public DbSet<Delegation> Delegations => Set<Delegation>();
    public DbSet<Participant> Participants => Set<Participant>();
    public DbSet<VisaLetterRequest> VisaLetterRequests => Set<VisaLetterRequest>();
    public DbSet<SpecialRequirements> SpecialRequirements => Set<SpecialRequirements>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<SpeakersList> SpeakersLists => Set<SpeakersList>();
    public DbSet<Inscription> Inscriptions => Set<Inscription>();
    public DbSet<StatementRules> StatementRules => Set<StatementRules>();
    public DbSet<WrittenStatement> WrittenStatements => Set<WrittenStatement>();
    public DbSet<StatementCoSponsor> StatementCoSponsors => Set<StatementCoSponsor>();
    public DbSet<AttendanceRecord> Attendance => Set<AttendanceRecord>();
    public DbSet<AttendanceReportRun> AttendanceReportRuns => Set<AttendanceReportRun>();
    public DbSet<Documents.SessionDocument> Documents => Set<Documents.SessionDocument>();
    public DbSet<Documents.DocumentAgendaItem> DocumentAgendaItems => Set<Documents.DocumentAgendaItem>();
    public DbSet<Documents.DocumentFile> DocumentFiles => Set<Documents.DocumentFile>();
    public DbSet<Documents.DocumentsAvailableNotice> DocumentsAvailableNotices => Set<Documents.DocumentsAvailableNotice>();
    public DbSet<Documents.DocumentZipRun> DocumentZipRuns => Set<Documents.DocumentZipRun>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(SessionsDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // Every instant is stored in UTC and comes back marked as UTC.
        builder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        builder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        StampVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StampVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>A modified row gets a new concurrency token; the old one is what the UPDATE checks.</summary>
    private void StampVersions()
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State == EntityState.Modified && entry.Metadata.FindProperty("Version") is { } property && property.ClrType == typeof(Guid))
            {
                entry.Property("Version").CurrentValue = Guid.NewGuid();
            }
        }
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private sealed class NullableUtcDateTimeConverter() : ValueConverter<DateTime?, DateTime?>(
        v => v == null ? v : v.Value.Kind == DateTimeKind.Utc ? v : v.Value.ToUniversalTime(),
        v => v == null ? v : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc));
}
