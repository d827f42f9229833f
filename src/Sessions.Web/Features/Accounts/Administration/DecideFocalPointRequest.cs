using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sessions.Core.Accounts;
using Sessions.Core.Data;
using Sessions.Core.Notices;
using Sessions.Core.Organisations;
using Sessions.Web.Features.Accounts.Account;
using Sessions.Web.Infrastructure.Email;
using Sessions.Web.Infrastructure.Forms;
using Sessions.Web.Infrastructure.Localisation;

namespace Sessions.Web.Features.Accounts.Administration;

/// <summary>
/// The secretariat approves or rejects a claim to act for an organisation. Approval gives the user the
/// FocalPoint role; either way the user is told, in their language.
/// </summary>
public static class DecideFocalPointRequest
{
    public sealed class Handler(SessionsDbContext db, UserManager<User> users, NoticeWriter notices, AccountNotices accountNotices, TimeProvider clock)
    {
        /// <summary>False when the request does not exist.</summary>
        public async Task<bool> ApproveAsync(int id, string byUserId)
        {
            if (await LoadAsync(id) is not { } loaded)
            {
                return false;
            }

            var (request, user) = loaded;

            request.Approve(byUserId, clock.GetUtcNow().UtcDateTime);
            notices.Queue(user.Email!, user.FullName, user.PreferredLanguage, NoticeKinds.FocalPointApproved, new NoticeValues
            {
                { "OrganisationName", new NoticeValue.PerLanguage(request.Organisation!.DisplayName) },
                { "AccountLink", new NoticeValue.Link(accountNotices.Absolute("/account")) },
            });
            if (!await users.IsInRoleAsync(user, Roles.FocalPoint))
            {
                await users.AddToRoleAsync(user, Roles.FocalPoint);
            }

            await db.SaveChangesAsync();
            return true;
        }

        /// <summary>False when the request does not exist; a missing reason is refused by the rule.</summary>
        public async Task<bool> RejectAsync(int id, string byUserId, string? reason)
        {
            if (await LoadAsync(id) is not { } loaded)
            {
                return false;
            }

            var (request, user) = loaded;

            request.Reject(byUserId, clock.GetUtcNow().UtcDateTime, reason ?? "");
            notices.Queue(user.Email!, user.FullName, user.PreferredLanguage, NoticeKinds.FocalPointRejected, new NoticeValues
            {
                { "OrganisationName", new NoticeValue.PerLanguage(request.Organisation!.DisplayName) },
                { "Reason", request.DecisionReason! },
                { "AccountLink", new NoticeValue.Link(accountNotices.Absolute("/account")) },
            });
            await db.SaveChangesAsync();
            return true;
        }

        private async Task<(FocalPoint Request, User User)?> LoadAsync(int id)
        {
            var request = await db.FocalPoints
                .Include(f => f.Organisation!).ThenInclude(o => o.Names)
                .SingleOrDefaultAsync(f => f.Id == id);
            if (request is null)
            {
                return null;
            }

            var user = await users.FindByIdAsync(request.UserId) ?? throw new InvalidOperationException("A focal point request without its user.");
            return (request, user);
        }
    }

    public sealed class ConfirmationHandler(SessionsDbContext db, IStringLocalizer<Text> t)
    {
        public async Task<Confirmation?> HandleAsync(int id, string reason)
        {
            var language = Cultures.Current;
            var request = await db.FocalPoints.AsNoTracking().Where(f => f.Id == id)
                .Select(f => new
                {
                    Person = db.Users.Where(u => u.Id == f.UserId).Select(u => new { u.FullName, u.Email }).Single(),
                    Organisation = f.Organisation!.Names.Where(n => n.Language == language).Select(n => n.Name).FirstOrDefault() ?? f.Organisation.Name,
                })
                .SingleOrDefaultAsync();
            return request is null ? null : new Confirmation(
                t["Reject the request of {0} to act for {1}?", request.Person.FullName, request.Organisation],
                [
                    t["{0} will be told by email at {1}.", request.Person.FullName, request.Person.Email ?? ""],
                    t["The reason given: {0}", reason],
                ],
                t["Reject the request"],
                "/admin/focal-points");
        }
    }
}
