using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Sessions.Core.Common;
using Sessions.Core.Notices;

namespace Sessions.Core.Audit;

/// <summary>
/// Records every change to the domain in <see cref="AuditEntry"/> rows. Changes are captured before
/// the save (when old values are still known); the new values are read again right after it, once the
/// database has given the inserted rows their keys (EF's temporary keys are never recorded), and the entries
/// are written in the same transaction as the change: the caller's, or one this interceptor opens and commits.
/// </summary>
public sealed class AuditInterceptor(ICurrentUser currentUser, TimeProvider clock) : SaveChangesInterceptor
{
    private static readonly HashSet<string> _secretProperties =
        [nameof(IdentityUser.PasswordHash), nameof(IdentityUser.SecurityStamp), nameof(IdentityUser.ConcurrencyStamp), "Value"];

    private static readonly HashSet<string> _stamps = ["Version", nameof(IdentityUser.SecurityStamp), nameof(IdentityUser.ConcurrencyStamp)];

    private const int LongTextLength = 1000;

    private static readonly HashSet<Type> _notAudited =
        [typeof(AuditEntry), typeof(OutboundEmail), typeof(Sessions.OnlineLinkNotice), typeof(Documents.DocumentsAvailableNotice), typeof(Documents.DocumentZipRun), typeof(IdentityUserToken<string>), typeof(IdentityUserLogin<string>), typeof(IdentityUserClaim<string>)];

    private List<(EntityEntry Entry, string Action, Dictionary<string, object?[]> Changes)>? _pending;

    /// <summary>The transaction opened for a save that had none, so that the change and its entries commit together.</summary>
    private IDbContextTransaction? _owned;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (Capture(eventData.Context))
        {
            _owned = eventData.Context!.Database.BeginTransaction();
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (Capture(eventData.Context))
        {
            _owned = await eventData.Context!.Database.BeginTransactionAsync(cancellationToken);
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (!Flush(eventData.Context))
        {
            return result;
        }

        var owned = _owned;
        _owned = null;
        try
        {
            eventData.Context!.SaveChanges();
            owned?.Commit();
        }
        finally
        {
            owned?.Dispose();
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (!Flush(eventData.Context))
        {
            return result;
        }

        var owned = _owned;
        _owned = null;
        try
        {
            // The change is saved: its record is written and committed even if the caller gives up now.
            await eventData.Context!.SaveChangesAsync(CancellationToken.None);
            if (owned is not null)
            {
                await owned.CommitAsync(CancellationToken.None);
            }
        }
        finally
        {
            if (owned is not null)
            {
                await owned.DisposeAsync();
            }
        }

        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Abandon();

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default) => AbandonAsync();

    public override void SaveChangesCanceled(DbContextEventData eventData) => Abandon();

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default) => AbandonAsync();

    /// <summary>The save failed: nothing of it is kept (disposing an uncommitted transaction rolls it back).</summary>
    private void Abandon()
    {
        _pending = null;
        _owned?.Dispose();
        _owned = null;
    }

    private async Task AbandonAsync()
    {
        _pending = null;
        if (_owned is not null)
        {
            await _owned.DisposeAsync();
            _owned = null;
        }
    }

    /// <summary>Whether changes to rows of this type are recorded.</summary>
    public static bool IsAudited(Type entityType) => !_notAudited.Contains(entityType);

    /// <summary>
    /// Whether a property's changes are recorded: not a generated key (it says nothing; the key parts of a link,
    /// a user's role, are what changed), nor a concurrency token or an account's security stamp (renewed at every
    /// sign-out: the trail would fill with changes no reader can use).
    /// </summary>
    public static bool IsRecorded(IReadOnlyProperty property) =>
        !(property.IsPrimaryKey() && !property.IsForeignKey()) && !_stamps.Contains(property.Name);

    /// <summary>A password hash, or personal data marked <see cref="ConfidentialAttribute"/>.</summary>
    public static bool IsSecret(IReadOnlyProperty property) =>
        _secretProperties.Contains(property.Name) || property.PropertyInfo?.IsDefined(typeof(ConfidentialAttribute), inherit: true) == true;

    /// <summary>
    /// What the trail keeps of a value: a secret only as whether there was one ("***" or nothing), so an erasure shows
    /// as such; a long text (a statement's body) by its length, not copied into the trail.
    /// </summary>
    private static object? Shown(IReadOnlyProperty property, object? value) =>
        IsSecret(property) ? (value is null or "" ? null : "***")
        : value is string { Length: > LongTextLength } text ? $"({text.Length} characters)"
        : value;

    /// <summary>Notes the changes about to be saved; true when the save needs a transaction of its own for them.</summary>
    private bool Capture(DbContext? context)
    {
        if (context is null || _pending is not null)
        {
            return false;
        }

        var pending = new List<(EntityEntry, string, Dictionary<string, object?[]>)>();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (!IsAudited(entry.Metadata.ClrType) || entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            var changes = new Dictionary<string, object?[]>();
            foreach (var (name, property) in RecordedProperties(entry))
            {
                switch (entry.State)
                {
                    case EntityState.Added when property.CurrentValue is not null:
                        changes[name] = [null, Shown(property.Metadata, property.CurrentValue)];
                        break;
                    case EntityState.Modified when property.IsModified && !Equals(property.OriginalValue, property.CurrentValue):
                        changes[name] = [Shown(property.Metadata, property.OriginalValue), Shown(property.Metadata, property.CurrentValue)];
                        break;
                    case EntityState.Deleted:
                        changes[name] = [Shown(property.Metadata, property.OriginalValue), null];
                        break;
                }
            }

            if (entry.State == EntityState.Modified && changes.Count == 0)
            {
                continue;
            }

            pending.Add((entry, entry.State.ToString(), changes));
        }

        _pending = pending.Count > 0 ? pending : null;
        return _pending is not null && context.Database.CurrentTransaction is null;
    }

    private bool Flush(DbContext? context)
    {
        if (context is null || _pending is null)
        {
            return false;
        }

        var at = clock.GetUtcNow().UtcDateTime;
        foreach (var (entry, action, changes) in _pending)
        {
            if (action != nameof(EntityState.Deleted))
            {
                // Keys the database generated (the row's, and a new parent's in a foreign key) are known only now.
                var properties = RecordedProperties(entry).ToDictionary(p => p.Name, p => p.Property);
                foreach (var name in changes.Keys.ToList())
                {
                    var property = properties[name];
                    changes[name][1] = Shown(property.Metadata, property.CurrentValue);
                }
            }

            var key = entry.Metadata.FindPrimaryKey();
            var id = key is null
                ? ""
                : string.Join(",", key.Properties.Select(p => entry.Property(p.Name).CurrentValue ?? entry.Property(p.Name).OriginalValue));
            context.Add(AuditEntry.Of(at, currentUser.UserId, currentUser.UserName, EntityTypeName(entry.Metadata.ClrType), id, action, changes));
        }

        _pending = null;
        return true;
    }

    /// <summary>
    /// The recorded properties of a row by the name the trail keeps: its own ("Symbol"), then those of its complex values
    /// under the value's name ("Title.Original", "Title.Ar": a <c>TranslatedText</c>'s original and translations).
    /// </summary>
    private static IEnumerable<(string Name, PropertyEntry Property)> RecordedProperties(EntityEntry entry) =>
        entry.Properties.Where(p => IsRecorded(p.Metadata)).Select(p => (p.Metadata.Name, p))
            .Concat(entry.ComplexProperties.SelectMany(c => c.Properties.Where(p => IsRecorded(p.Metadata)).Select(p => ($"{c.Metadata.Name}.{p.Metadata.Name}", p))));

    /// <summary>The name a type is recorded under: "IdentityUserRole" rather than "IdentityUserRole`1".</summary>
    public static string EntityTypeName(Type type) =>
        type.IsGenericType ? type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)] : type.Name;
}
