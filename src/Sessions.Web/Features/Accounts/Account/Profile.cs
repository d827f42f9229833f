using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Organisations;
using Sessions.Web.Infrastructure.Localisation;

namespace Sessions.Web.Features.Accounts.Account;

/// <summary>The user's own account: name and language they can change, the organisations they act for and where each claim stands.</summary>
public static class Profile
{
    public sealed record OrganisationRow(string Name, FocalPointStatus Status, DateTime RequestedAt, string? DecisionReason);

    public sealed class Form
    {
        [Required(ErrorMessage = "Enter your full name.")]
        [StringLength(200, ErrorMessage = "{0} must have at most {1} characters.")]
        [Display(Name = "Your full name")]
        public string FullName { get; set; } = "";

        [Required(ErrorMessage = "Choose a language in the list.")]
        [Display(Name = "Your preferred language")]
        public string PreferredLanguage { get; set; } = Languages.English;

        [BindNever]
        [ValidateNever]
        public string Email { get; set; } = "";

        [BindNever]
        [ValidateNever]
        public IReadOnlyList<string> Roles { get; set; } = [];

        [BindNever]
        [ValidateNever]
        public IReadOnlyList<OrganisationRow> Organisations { get; set; } = [];
    }

    public sealed class Handler(SessionsDbContext db, IStringLocalizer<Text> t)
    {
        public async Task<Form> LoadAsync(string userId, Form? typed = null)
        {
            var language = Cultures.Current;
            var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
                .Select(u => new { u.FullName, u.Email, u.PreferredLanguage })
                .SingleAsync();
            var roles = await db.UserRoles.AsNoTracking().Where(r => r.UserId == userId)
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
                .ToListAsync();
            var organisations = await db.FocalPoints.AsNoTracking().Where(f => f.UserId == userId)
                .OrderBy(f => f.RequestedAt)
                .Select(f => new OrganisationRow(
                    f.Organisation!.OriginalLanguage == language ? f.Organisation.Name : f.Organisation.Names.Where(n => n.Language == language).Select(n => n.Name).FirstOrDefault() ?? f.Organisation.Name,
                    f.Status,
                    f.RequestedAt,
                    f.DecisionReason))
                .ToListAsync();
            return new Form
            {
                FullName = typed?.FullName ?? user.FullName,
                PreferredLanguage = typed?.PreferredLanguage ?? user.PreferredLanguage,
                Email = user.Email ?? "",
                Roles = roles,
                Organisations = organisations,
            };
        }

        public async Task<bool> SaveAsync(string userId, Form form, ModelStateDictionary modelState)
        {
            if (!Languages.IsSupported(form.PreferredLanguage))
            {
                modelState.AddModelError(nameof(Form.PreferredLanguage), t["Choose a language in the list."]);
            }

            if (!modelState.IsValid)
            {
                return false;
            }

            var user = await db.Users.SingleAsync(u => u.Id == userId);
            user.FullName = form.FullName.Trim();
            user.PreferredLanguage = form.PreferredLanguage;
            await db.SaveChangesAsync();
            return true;
        }
    }
}
