using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sessions.Core.Audit;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Web.Infrastructure.Localisation;

namespace Sessions.Web.Features.Audit;

/// <summary>
/// Who changed what, newest first, filtered by kind of record, person and dates. The trail keeps values as they
/// were saved (an enum's number, true/false, a property's name); they are read in the reader's language here, by
/// the type the property has in the model: "Audit.Entity.{type}", "Audit.Field.{type}.{property}", an enum's label.
/// </summary>
public static partial class AuditLog
{
    public const int PageSize = 50;

    public sealed record Query(string? EntityType, string? User, DateOnly? From, DateOnly? To, string? EntityId, int Page);

    public sealed record Change(string Field, string? Old, string? New);

    /// <param name="EntityName">The kind of record in the reader's language.</param>
    public sealed record Row(long Id, DateTime At, string? UserName, string Action, string EntityType, string EntityName, string EntityId, IReadOnlyList<Change> Changes);

    public sealed record EntityChoice(string Type, string Name);

    public sealed record Model(Query Query, IReadOnlyList<Row> Rows, int Total, int Page, int PageCount, IReadOnlyList<EntityChoice> EntityTypes);

    [GeneratedRegex(@"^\((\d+) characters\)$")]
    private static partial Regex LongText();

    public sealed class Handler(SessionsDbContext db, IStringLocalizer<Text> t)
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
            var types = db.Model.GetEntityTypes()
                .GroupBy(e => AuditInterceptor.EntityTypeName(e.ClrType))
                .ToDictionary(g => g.Key, g => g.First());
            var rows = found
                .Select(e => new Row(e.Id, e.At, e.UserName, e.Action, e.EntityType, EntityName(e.EntityType), e.EntityId, ReadChanges(e.Changes)
                    .Select(c => c.Field == "RoleId"
                        ? c with { Field = FieldName(e.EntityType, c.Field), Old = Role(c.Old), New = Role(c.New) }
                        : Readable(e.EntityType, c))
                    .ToList()))
                .ToList();
            var collator = StringComparer.Create(CultureInfo.CurrentUICulture, ignoreCase: true);
            var entityTypes = (await db.AuditEntries.AsNoTracking().Select(e => e.EntityType).Distinct().ToListAsync())
                .Select(type => new EntityChoice(type, EntityName(type)))
                .OrderBy(c => c.Name, collator)
                .ToList();
            return new Model(query with { Page = page }, rows, total, page, pageCount, entityTypes);

            string? Role(string? id) => id is not null && roleNames.TryGetValue(id, out var name) ? name : id;

            Change Readable(string entityType, Change change)
            {
                var property = types.GetValueOrDefault(entityType)?.FindProperty(change.Field);
                var clrType = property?.ClrType;
                return new Change(FieldName(entityType, change.Field), Value(clrType, change.Old), Value(clrType, change.New));
            }
        }

        private string EntityName(string entityType) => Known($"Audit.Entity.{entityType}") ?? entityType;

        /// <summary>A property recorded before it had a name (or one since removed) shows as recorded.</summary>
        private string FieldName(string entityType, string field)
        {
            if (field.Split('.') is not [var text, var part])
            {
                return Known($"Audit.Field.{entityType}.{field}") ?? field;
            }

            // A text in the six languages (a session's title): its original under the text's name, each translation by its language.
            var name = Known($"Audit.Field.{entityType}.{text}") ?? text;
            return part switch
            {
                nameof(TranslatedText.Original) => name,
                nameof(TranslatedText.OriginalLanguage) => t["{0}: {1}", name, t["Original language"]],
                nameof(TranslatedText.Ar) => t["{0}: {1}", name, t["In Arabic"]],
                nameof(TranslatedText.Zh) => t["{0}: {1}", name, t["In Chinese"]],
                nameof(TranslatedText.En) => t["{0}: {1}", name, t["In English"]],
                nameof(TranslatedText.Fr) => t["{0}: {1}", name, t["In French"]],
                nameof(TranslatedText.Ru) => t["{0}: {1}", name, t["In Russian"]],
                nameof(TranslatedText.Es) => t["{0}: {1}", name, t["In Spanish"]],
                _ => field,
            };
        }

        private string? Known(string key)
        {
            var text = t[key];
            return text.ResourceNotFound ? null : text.Value;
        }

        /// <summary>A recorded value as the reader reads it: an enum's label, yes or no, a long text's length.</summary>
        private string? Value(Type? clrType, string? value)
        {
            if (value is null || clrType is null)
            {
                return value;
            }

            var type = Nullable.GetUnderlyingType(clrType) ?? clrType;
            if (type.IsEnum)
            {
                return Label(type, value);
            }

            if (type == typeof(bool))
            {
                return bool.TryParse(value, out var yes) ? (yes ? t["Yes"] : t["No"]) : value;
            }

            if (type.IsGenericType && type.GetGenericArguments() is [{ IsEnum: true } member] && value.StartsWith('['))
            {
                try
                {
                    using var list = JsonDocument.Parse(value);
                    return string.Join(", ", list.RootElement.EnumerateArray().Select(v => Label(member, v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText())));
                }
                catch (JsonException)
                {
                    return value;
                }
            }

            if (type == typeof(string) && LongText().Match(value) is { Success: true } match)
            {
                return t["({0} characters)", match.Groups[1].Value];
            }

            return value;
        }

        /// <summary>An enum value recorded by number (the interceptor) or by name (a set-based change).</summary>
        private string Label(Type enumType, string value) =>
            Enum.TryParse(enumType, value, ignoreCase: false, out var parsed) && Enum.IsDefined(enumType, parsed!)
                ? t.For((Enum)parsed!)
                : value;

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
