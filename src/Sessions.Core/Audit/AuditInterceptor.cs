using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Sessions.Core.Common;
using Sessions.Core.Notices;

namespace Sessions.Core.Audit;

/// <summary>
/// Records every change to the domain in <see cref="AuditEntry"/> rows. Changes are captured before
/// the save (when old values are still known) and written right after it, once generated keys exist,
/// in the caller's transaction when there is one.
/// </summary>
public sealed class AuditInterceptor(ICurrentUser currentUser, TimeProvider clock) : SaveChangesInterceptor
{
    private static readonly HashSet<string> _secretProperties =
        [nameof(IdentityUser.PasswordHash), nameof(IdentityUser.SecurityStamp), nameof(IdentityUser.ConcurrencyStamp), "Value"];

    private const int LongTextLength = 1000;

    private static readonly HashSet<Type> _notAudited =
        [typeof(AuditEntry), typeof(OutboundEmail), typeof(IdentityUserToken<string>), typeof(IdentityUserLogin<string>), typeof(IdentityUserClaim<string>)];

    private List<(EntityEntry Entry, string Action, Dictionary<string, object?[]> Changes)>? _pending;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Capture(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Capture(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (Flush(eventData.Context))
        {
            eventData.Context!.SaveChanges();
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (Flush(eventData.Context))
        {
            await eventData.Context!.SaveChangesAsync(cancellationToken);
        }

        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => _pending = null;

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        _pending = null;
        return Task.CompletedTask;
    }

    /// <summary>A long text (a statement's body) is recorded by its length, not copied into the trail.</summary>
    private static object? Shown(object? value) =>
        value is string { Length: > LongTextLength } text ? $"({text.Length} characters)" : value;

    private void Capture(DbContext? context)
    {
        if (context is null || _pending is not null)
        {
            return;
        }

        var pending = new List<(EntityEntry, string, Dictionary<string, object?[]>)>();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (_notAudited.Contains(entry.Entity.GetType()) || entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            var changes = new Dictionary<string, object?[]>();
            foreach (var property in entry.Properties)
            {
                var name = property.Metadata.Name;
                // A generated key says nothing; the key parts of a link (a user's role) are what changed.
                if ((property.Metadata.IsPrimaryKey() && !property.Metadata.IsForeignKey()) || name == "Version")
                {
                    continue;
                }

                var secret = _secretProperties.Contains(name);
                switch (entry.State)
                {
                    case EntityState.Added when property.CurrentValue is not null:
                        changes[name] = [null, secret ? "***" : Shown(property.CurrentValue)];
                        break;
                    case EntityState.Modified when property.IsModified && !Equals(property.OriginalValue, property.CurrentValue):
                        changes[name] = secret ? ["***", "***"] : [Shown(property.OriginalValue), Shown(property.CurrentValue)];
                        break;
                    case EntityState.Deleted:
                        changes[name] = [secret ? "***" : Shown(property.OriginalValue), null];
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
            var key = entry.Metadata.FindPrimaryKey();
            var id = key is null
                ? ""
                : string.Join(",", key.Properties.Select(p => entry.Property(p.Name).CurrentValue ?? entry.Property(p.Name).OriginalValue));
            context.Add(AuditEntry.Of(at, currentUser.UserId, currentUser.UserName, EntityTypeName(entry.Metadata.ClrType), id, action, changes));
        }

        _pending = null;
        return true;
    }

    /// <summary>"IdentityUserRole" rather than "IdentityUserRole`1".</summary>
    private static string EntityTypeName(Type type) =>
        type.IsGenericType ? type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)] : type.Name;
}
