using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sessions.Core.Data;

namespace Sessions.Web.Features.Audit;

/// <summary>Who changed what, newest first, filtered by kind of record, person and dates.</summary>
public static class AuditLog
{
    public const int PageSize = 50;

    public sealed record Query(string? EntityType, string? User, DateOnly? From, DateOnly? To, string? EntityId, int Page);

    public sealed record Change(string Field, string? Old, string? New);

    public sealed record Row(long Id, DateTime At, string? UserName, string Action, string EntityType, string EntityId, IReadOnlyList<Change> Changes);

    public sealed record Model(Query Query, IReadOnlyList<Row> Rows, int Total, int Page, int PageCount, IReadOnlyList<string> EntityTypes);

    public sealed class Handler(SessionsDbContext db)
    {
        public async Task<Model> HandleAsync(Query query)
        {
            var entries = db.AuditEntries.AsNoTracking();
            if (!string.IsNullOrWhiteSpace(query.EntityType))
            {
                entries = entries.Where(e => e.EntityType == query.EntityType);
            }

            if (!string.IsNullOrWhiteSpace(query.EntityId))
            {
                entries = entries.Where(e => e.EntityId == query.EntityId.Trim());
            }

            if (!string.IsNullOrWhiteSpace(query.User))
            {
                var pattern = $"%{query.User.Trim()}%";
                entries = entries.Where(e => e.UserName != null && EF.Functions.Like(e.UserName, pattern));
            }

            if (query.From is { } from)
            {
                var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
                entries = entries.Where(e => e.At >= start);
            }

            if (query.To is { } to)
            {
                var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
                entries = entries.Where(e => e.At < end);
            }

            var total = await entries.CountAsync();
            var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
            var page = Math.Clamp(query.Page, 1, pageCount);
            var found = await entries
                .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
                .Skip((page - 1) * PageSize).Take(PageSize)
                .Select(e => new { e.Id, e.At, e.UserName, e.Action, e.EntityType, e.EntityId, e.Changes })
                .ToListAsync();
            // A role given or taken is recorded by its id; the secretariat reads its name.
            var roleNames = await db.Roles.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name);
            var rows = found
                .Select(e => new Row(e.Id, e.At, e.UserName, e.Action, e.EntityType, e.EntityId, ReadChanges(e.Changes)
                    .Select(c => c.Field == "RoleId" ? c with { Old = Role(c.Old), New = Role(c.New) } : c)
                    .ToList()))
                .ToList();
            var entityTypes = await db.AuditEntries.AsNoTracking().Select(e => e.EntityType).Distinct().OrderBy(t => t).ToListAsync();
            return new Model(query with { Page = page }, rows, total, page, pageCount, entityTypes);

            string? Role(string? id) => id is not null && roleNames.TryGetValue(id, out var name) ? name : id;
        }

        /// <summary>The Changes JSON: { "Field": [old, new] }.</summary>
        public static IReadOnlyList<Change> ReadChanges(string json)
        {
            try
            {
                using var document = JsonDocument.Parse(json);
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    return [];
                }

                return document.RootElement.EnumerateObject()
                    .Where(p => p.Value.ValueKind == JsonValueKind.Array && p.Value.GetArrayLength() == 2)
                    .Select(p => new Change(p.Name, Text(p.Value[0]), Text(p.Value[1])))
                    .ToList();
            }
            catch (JsonException)
            {
                return [];
            }
        }

        private static string? Text(JsonElement value) => value.ValueKind switch
        {
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            JsonValueKind.String => value.GetString(),
            _ => value.GetRawText(),
        };
    }
}
