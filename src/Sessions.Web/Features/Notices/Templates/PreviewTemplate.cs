using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Notices;
using Sessions.Core.Organisations;
using Sessions.Web.Features.Accounts.Account;
using Sessions.Web.Infrastructure.Email;
using Sessions.Web.Infrastructure.Localisation;

namespace Sessions.Web.Features.Notices.Templates;

/// <summary>
/// Renders the text being edited (not only the saved one) for a chosen recipient, an account or a
/// participant found by address, in their language: their name, their organisation and the chosen
/// session's values are real; every other placeholder gets a sample value, and the page says which.
/// </summary>
public static class PreviewTemplate
{
    /// <param name="FromLanguage">The language whose text was rendered: the recipient's, or English when theirs has none.</param>
    public sealed record Result(
        string ToAddress,
        string? ToName,
        string Language,
        string FromLanguage,
        RenderedNotice Notice,
        IReadOnlyList<string> Real,
        IReadOnlyList<string> Samples);

    private sealed record Recipient(string Name, string Language, int? OrganisationId, int? SessionId);

    public sealed class Handler(SessionsDbContext db, NoticeTemplateStore store, AccountNotices links, IStringLocalizer<Text> t)
    {
        public async Task<Result?> HandleAsync(NoticeKind kind, EditTemplate.Command command, ModelStateDictionary modelState, CancellationToken cancellationToken)
        {
            const string field = nameof(EditTemplate.Command.PreviewEmail);
            var address = command.PreviewEmail?.Trim() ?? "";
            if (address.Length == 0)
            {
                modelState.AddModelError(field, t["Enter the email address of the account or participant to preview the notice for."]);
                return null;
            }

            var recipient = await FindAsync(address, command.PreviewSessionId, cancellationToken);
            if (recipient is null)
            {
                modelState.AddModelError(field, t["No account or participant has the address {0}.", address]);
                return null;
            }

            var language = Languages.OrDefault(recipient.Language);
            var (fromLanguage, text) = TextFor(kind, command, language);
            var values = new NoticeValues();
            var real = new List<string>(NoticeKind.RecipientPlaceholders);

            var sessionId = command.PreviewSessionId ?? recipient.SessionId;
            var session = sessionId is { } id ? await db.Sessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken) : null;
            if (session is not null)
            {
                values = values.With(NoticeValues.ForSession(session, links.Absolute($"/sessions/{session.Id}")));
                real.AddRange(NoticeKind.SessionPlaceholders);
            }

            if (recipient.OrganisationId is { } organisationId)
            {
                var organisation = await db.Organisations.AsNoTracking().Include(o => o.Names).SingleAsync(o => o.Id == organisationId, cancellationToken);
                values.Add("OrganisationName", new NoticeValue.PerLanguage(organisation.DisplayName));
                real.Add("OrganisationName");
            }

            var samples = kind.Placeholders.Where(p => !real.Contains(p)).ToList();
            foreach (var placeholder in samples)
            {
                values.Add(placeholder, Sample(placeholder, session?.TimeZoneId));
            }

            var rendered = NoticeRenderer.Render(text, language, address, recipient.Name, values);
            return new Result(address, recipient.Name, language, fromLanguage, rendered, real.Where(kind.Allows).ToList(), samples);
        }

        /// <summary>The text as it would be resolved once saved: this language's, else its built-in one, else English's.</summary>
        private (string Language, NoticeText Text) TextFor(NoticeKind kind, EditTemplate.Command command, string language)
        {
            foreach (var candidate in new[] { language, Languages.English }.Distinct())
            {
                if (command.For(candidate) is { IsCleared: false } typed)
                {
                    return (candidate, typed.Text);
                }

                if (store.BuiltInText(kind, candidate) is { } builtIn)
                {
                    return (candidate, builtIn);
                }
            }

            return (Languages.English, new NoticeText("", ""));
        }

        /// <summary>An account (their organisation is the one they are focal point of) or else a participant (their delegation's).</summary>
        private async Task<Recipient?> FindAsync(string address, int? sessionId, CancellationToken cancellationToken)
        {
            var normalised = address.ToUpperInvariant();
            var user = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == normalised)
                .Select(u => new { u.Id, u.FullName, u.PreferredLanguage })
                .FirstOrDefaultAsync(cancellationToken);
            if (user is not null)
            {
                var organisationId = await db.FocalPoints.AsNoTracking()
                    .Where(f => f.UserId == user.Id && f.Status == FocalPointStatus.Approved)
                    .OrderBy(f => f.Id)
                    .Select(f => (int?)f.OrganisationId)
                    .FirstOrDefaultAsync(cancellationToken);
                return new Recipient(user.FullName, user.PreferredLanguage, organisationId, null);
            }

            var lower = address.ToLowerInvariant();
            var participant = await (
                    from p in db.Participants.AsNoTracking()
                    join d in db.Delegations on p.DelegationId equals d.Id
                    where p.Email.ToLower() == lower
                    orderby d.SessionId == sessionId descending, p.Id descending
                    select new { p.GivenName, p.FamilyName, p.PreferredLanguage, d.OrganisationId, d.SessionId })
                .FirstOrDefaultAsync(cancellationToken);
            return participant is null
                ? null
                : new Recipient($"{participant.GivenName} {participant.FamilyName}".Trim(), participant.PreferredLanguage, participant.OrganisationId, participant.SessionId);
        }

        private NoticeValue Sample(string placeholder, string? timeZoneId)
        {
            if (placeholder.EndsWith("Link", StringComparison.Ordinal))
            {
                return new NoticeValue.Link(links.Absolute("/"));
            }

            if (placeholder.EndsWith("Count", StringComparison.Ordinal) || placeholder.EndsWith("Number", StringComparison.Ordinal))
            {
                return new NoticeValue.Number(3);
            }

            if (placeholder.EndsWith("At", StringComparison.Ordinal) || placeholder.EndsWith("By", StringComparison.Ordinal) || placeholder.EndsWith("Deadline", StringComparison.Ordinal))
            {
                return new NoticeValue.Instant(new DateTime(2030, 5, 20, 7, 0, 0, DateTimeKind.Utc), timeZoneId ?? "UTC");
            }

            return new NoticeValue.Text($"[{placeholder}]");
        }
    }
}
