using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Notices;
using Sessions.Web.Infrastructure.Email;
using Sessions.Web.Infrastructure.Localisation;
using OfficialLanguages = Sessions.Core.Common.Languages;

namespace Sessions.Web.Features.Notices.Templates;

/// <summary>
/// The secretariat words one kind of notice in the six languages. A language saved equal to the built-in
/// wording, or cleared, keeps no row of its own; a text the renderer would refuse (no subject, an unknown
/// placeholder) is refused here, on that language's field, with everything typed kept.
/// </summary>
public static class EditTemplate
{
    public enum Outcome
    {
        Saved,
        Invalid,
        Conflict,
    }

    /// <summary>One language of the form. <see cref="Version"/> is that of the saved row the form was opened on, none when there was none.</summary>
    public sealed class LanguageText
    {
        public string Language { get; set; } = "";
        public string? Subject { get; set; }
        public string? Body { get; set; }
        public Guid? Version { get; set; }

        public NoticeText Text => new((Subject ?? "").Trim(), Normalise(Body));

        public bool IsCleared => string.IsNullOrWhiteSpace(Subject) && string.IsNullOrWhiteSpace(Body);
    }

    public sealed class Command
    {
        public List<LanguageText> Languages { get; set; } = [];

        /// <summary>The address of the account or participant the preview is rendered for.</summary>
        public string? PreviewEmail { get; set; }

        public int? PreviewSessionId { get; set; }

        public LanguageText? For(string language) => Languages.FirstOrDefault(l => l.Language == language);

        /// <summary>Puts the six languages in the UN's order, whatever was posted, so field names match the page's.</summary>
        public void InUnOrder() =>
            Languages = OfficialLanguages.All.Select(language => For(language) ?? new LanguageText { Language = language }).ToList();
    }

    public sealed record SessionChoice(int Id, string Symbol, TranslatedText Title);

    public sealed record Model(
        NoticeKind Kind,
        Command Command,
        IReadOnlyDictionary<string, NoticeText?> BuiltIn,
        IReadOnlySet<string> Saved,
        IReadOnlyList<SessionChoice> Sessions,
        PreviewTemplate.Result? Preview);

    /// <summary>Paragraphs separated by a blank line, whatever line ends the browser sent.</summary>
    public static string Normalise(string? body) => (body ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    public sealed class Handler(SessionsDbContext db, NoticeTemplateStore store, IStringLocalizer<Text> t, TimeProvider clock)
    {
        /// <summary>The form as saved: each language's saved wording, else its built-in one.</summary>
        public async Task<Command> LoadAsync(NoticeKind kind, CancellationToken cancellationToken)
        {
            var saved = await db.NoticeTemplates.AsNoTracking().Where(x => x.Kind == kind.Key)
                .Select(x => new { x.Language, x.Subject, x.Body, x.Version })
                .ToListAsync(cancellationToken);
            return new Command
            {
                Languages = OfficialLanguages.All.Select(language =>
                {
                    var row = saved.FirstOrDefault(s => s.Language == language);
                    var builtIn = store.BuiltInText(kind, language);
                    return new LanguageText
                    {
                        Language = language,
                        Subject = row?.Subject ?? builtIn?.Subject ?? "",
                        Body = row?.Body ?? builtIn?.Body ?? "",
                        Version = row?.Version,
                    };
                }).ToList(),
            };
        }

        /// <summary>What the page shows around the form: the built-in wording, which languages are the secretariat's, the sessions to preview with.</summary>
        public async Task<Model> ModelAsync(NoticeKind kind, Command command, PreviewTemplate.Result? preview, CancellationToken cancellationToken)
        {
            command.InUnOrder();
            var saved = await db.NoticeTemplates.AsNoTracking().Where(x => x.Kind == kind.Key).Select(x => x.Language).ToListAsync(cancellationToken);
            var sessions = await db.Sessions.AsNoTracking()
                .OrderByDescending(s => s.OpensOn).ThenBy(s => s.Symbol)
                .Take(100)
                .Select(s => new SessionChoice(s.Id, s.Symbol, s.Title))
                .ToListAsync(cancellationToken);
            return new Model(
                kind,
                command,
                OfficialLanguages.All.ToDictionary(l => l, l => store.BuiltInText(kind, l)),
                saved.ToHashSet(),
                sessions,
                preview);
        }

        /// <summary>
        /// Adds an error to the field of each language whose text cannot be sent. A cleared language is
        /// valid: it goes back to the built-in wording.
        /// </summary>
        public void Validate(NoticeKind kind, Command command, ModelStateDictionary modelState)
        {
            command.InUnOrder();
            for (var i = 0; i < command.Languages.Count; i++)
            {
                var language = command.Languages[i];
                if (language.IsCleared)
                {
                    continue;
                }

                var text = language.Text;
                var subjectField = $"{nameof(Command.Languages)}[{i}].{nameof(LanguageText.Subject)}";
                var bodyField = $"{nameof(Command.Languages)}[{i}].{nameof(LanguageText.Body)}";
                try
                {
                    NoticeRenderer.Check(kind, text);
                }
                catch (DomainException e)
                {
                    var unknownInSubject = NoticeRenderer.Unknown(kind, text with { Body = "" }).Count > 0;
                    var unknownInBody = NoticeRenderer.Unknown(kind, text with { Subject = "" }).Count > 0;
                    var inBody = e.Message == "A notice needs a text." || (unknownInBody && !unknownInSubject);
                    modelState.AddDomainError(t, e, inBody ? bodyField : subjectField);
                    if (unknownInSubject && unknownInBody)
                    {
                        modelState.AddDomainError(t, e, bodyField);
                    }
                }
            }
        }

        public async Task<Outcome> SaveAsync(NoticeKind kind, Command command, string userId, ModelStateDictionary modelState, CancellationToken cancellationToken)
        {
            Validate(kind, command, modelState);
            if (!modelState.IsValid)
            {
                return Outcome.Invalid;
            }

            var rows = await db.NoticeTemplates.Where(x => x.Kind == kind.Key).ToListAsync(cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var language in command.Languages.Where(l => OfficialLanguages.IsSupported(l.Language)))
            {
                var row = rows.FirstOrDefault(r => r.Language == language.Language);
                if (row?.Version != language.Version)
                {
                    // Saved, changed or restored by someone else since the form was opened.
                    return Outcome.Conflict;
                }

                var builtIn = store.BuiltInText(kind, language.Language);
                var text = language.Text;
                var isBuiltIn = language.IsCleared || (builtIn is not null && text.Subject == builtIn.Subject.Trim() && text.Body == Normalise(builtIn.Body));
                if (row is null)
                {
                    if (!isBuiltIn)
                    {
                        db.NoticeTemplates.Add(new NoticeTemplate(kind, language.Language, text, userId, now));
                    }

                    continue;
                }

                db.Entry(row).Property(r => r.Version).OriginalValue = language.Version!.Value;
                if (isBuiltIn)
                {
                    db.NoticeTemplates.Remove(row);
                }
                else if (row.Text != text)
                {
                    row.Change(kind, text, userId, now);
                }
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                return Outcome.Conflict;
            }
            catch (DbUpdateException)
            {
                // Two first saves of the same language at once: the unique (Kind, Language) index refused the second.
                var added = db.ChangeTracker.Entries<NoticeTemplate>().Where(e => e.State == EntityState.Added).Select(e => e.Entity.Language).ToList();
                if (added.Count == 0 || !await db.NoticeTemplates.AsNoTracking().AnyAsync(x => x.Kind == kind.Key && added.Contains(x.Language), cancellationToken))
                {
                    throw;
                }

                return Outcome.Conflict;
            }

            store.Forget();
            return Outcome.Saved;
        }

        /// <summary>Goes back to the built-in wording in one language: its saved row, if the form saw the current one, is deleted.</summary>
        public async Task<Outcome> RestoreAsync(NoticeKind kind, string language, Guid? version, CancellationToken cancellationToken)
        {
            var row = await db.NoticeTemplates.SingleOrDefaultAsync(x => x.Kind == kind.Key && x.Language == language, cancellationToken);
            if (row is null)
            {
                return version is null ? Outcome.Saved : Outcome.Conflict;
            }

            if (row.Version != version)
            {
                return Outcome.Conflict;
            }

            db.Entry(row).Property(r => r.Version).OriginalValue = version.Value;
            db.NoticeTemplates.Remove(row);
            try
            {
                await db.SaveChangesExpectingCollisionAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                return Outcome.Conflict;
            }

            store.Forget();
            return Outcome.Saved;
        }
    }
}
