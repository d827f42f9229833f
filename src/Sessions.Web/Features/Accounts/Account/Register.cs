using System.ComponentModel.DataAnnotations;
using Hangfire;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sessions.Core.Accounts;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Organisations;
using Sessions.Web.Features.Organisations;
using Sessions.Web.Infrastructure.Email;
using Sessions.Web.Infrastructure.Localisation;

namespace Sessions.Web.Features.Accounts.Account;

/// <summary>
/// A focal point creates an account for an organisation: a new organisation makes them its approved
/// focal point at once; a claim on an existing one waits for the secretariat.
/// </summary>
public static class Register
{
    public sealed record OrganisationOption(int Id, string Label);

    public sealed class Command
    {
        [Required(ErrorMessage = "Enter your full name.")]
        [StringLength(200, ErrorMessage = "{0} must have at most {1} characters.")]
        [Display(Name = "Your full name")]
        public string FullName { get; set; } = "";

        [Required(ErrorMessage = "Enter your email address.")]
        [EmailAddress(ErrorMessage = "Enter a valid email address.")]
        [StringLength(256, ErrorMessage = "{0} must have at most {1} characters.")]
        [Display(Name = "Email")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Choose a password.")]
        [DataType(DataType.Password)]
        [Display(Name = "Password")]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "Type the password again.")]
        [Compare(nameof(Password), ErrorMessage = "The two passwords are not the same.")]
        [DataType(DataType.Password)]
        [Display(Name = "Confirm the password")]
        public string ConfirmPassword { get; set; } = "";

        [Required(ErrorMessage = "Choose a language in the list.")]
        [Display(Name = "Your preferred language")]
        public string PreferredLanguage { get; set; } = Languages.English;

        /// <summary>False: the user claims an existing organisation; true: they create it.</summary>
        public bool NewOrganisation { get; set; }

        [Display(Name = "Your organisation")]
        public int? OrganisationId { get; set; }

        /// <summary>The search that filled the list of organisations; kept so the page shows the same list again.</summary>
        public string? Search { get; set; }

        [StringLength(400, ErrorMessage = "{0} must have at most {1} characters.")]
        [Display(Name = "Name of your organisation")]
        public string? OrganisationName { get; set; }

        [StringLength(50, ErrorMessage = "{0} must have at most {1} characters.")]
        [Display(Name = "Acronym of the organisation")]
        public string? OrganisationAcronym { get; set; }

        [Required(ErrorMessage = "Choose a language in the list.")]
        [Display(Name = "Language of the organisation's name")]
        public string OrganisationLanguage { get; set; } = Languages.English;

        [Display(Name = "Category")]
        public OrganisationCategory? OrganisationCategory { get; set; }

        [Display(Name = "Country")]
        public string? OrganisationCountry { get; set; }

        [BindNever]
        [ValidateNever]
        public IReadOnlyList<OrganisationOption> Organisations { get; set; } = [];
    }

    public sealed class Handler(SessionsDbContext db, UserManager<User> users, IPasswordHasher<User> hasher, AccountNotices accountNotices, IBackgroundJobClient jobs, IStringLocalizer<Text> t, TimeProvider clock)
    {
        private const int ListSize = 100;

        /// <summary>Fills the list of organisations: those matching the search, and the one already chosen.</summary>
        public async Task<Command> PrepareAsync(Command command)
        {
            var language = Cultures.Current;
            command.Organisations = await Listed().AsNoTracking().Matching(command.Search, command.OrganisationId)
                .Select(o => new
                {
                    o.Id,
                    Name = o.OriginalLanguage == language ? o.Name : o.Names.Where(n => n.Language == language).Select(n => n.Name).FirstOrDefault() ?? o.Name,
                    o.Acronym,
                })
                .OrderBy(o => o.Name)
                .Take(ListSize)
                .Select(o => new OrganisationOption(o.Id, o.Acronym == null || o.Acronym == "" ? o.Name : o.Name + " (" + o.Acronym + ")"))
                .ToListAsync();
            return command;
        }

        /// <summary>The search as you type of this page: only the organisations it lists.</summary>
        public Task<IReadOnlyList<OrganisationChoice>> SearchAsync(string? text) => Listed().ChoicesAsync(text, Cultures.Current);

        /// <summary>
        /// Creates the account and queues the confirmation message; false with the reasons on <paramref name="modelState"/> when refused.
        /// An address that already has an account gets the same answer, and its owner a message saying so: the page never
        /// tells who has an account.
        /// </summary>
        public async Task<bool> HandleAsync(Command command, ModelStateDictionary modelState)
        {
            if (!Languages.IsSupported(command.PreferredLanguage))
            {
                modelState.AddModelError(nameof(Command.PreferredLanguage), t["Choose a language in the list."]);
            }

            if (command.NewOrganisation)
            {
                await CheckNewOrganisationAsync(command, modelState);
            }
            else if (command.OrganisationId is not { } id || !await db.Organisations.AnyAsync(o => o.Id == id))
            {
                modelState.AddModelError(nameof(Command.OrganisationId), t["Choose your organisation in the list, or create a new one."]);
            }

            // Only now is every field known to be filled in: an empty one is bound as null.
            if (!modelState.IsValid)
            {
                return false;
            }

            var email = command.Email.Trim();
            var now = clock.GetUtcNow().UtcDateTime;
            var user = new User
            {
                UserName = email,
                Email = email,
                FullName = command.FullName.Trim(),
                PreferredLanguage = command.PreferredLanguage,
                CreatedAt = now,
            };

            // The password rules first, so a taken address is refused for the same reasons as a new one.
            foreach (var validator in users.PasswordValidators)
            {
                IdentityErrors.AddTo(modelState, t, await validator.ValidateAsync(users, user, command.Password), nameof(Command.Password), nameof(Command.Email));
            }

            if (!modelState.IsValid)
            {
                return false;
            }

            if (await users.FindByEmailAsync(email) is { } owner)
            {
                await TellTheOwnerAsync(owner, user, command.Password);
                return true;
            }

            await using var transaction = await db.Database.BeginTransactionAsync();
            var created = await users.CreateAsync(user, command.Password);
            if (created.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)))
            {
                // Registered a moment ago by a concurrent request.
                await transaction.RollbackAsync();
                db.ChangeTracker.Clear();
                await TellTheOwnerAsync(await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No account has the address {email}."), user, command.Password);
                return true;
            }

            if (!created.Succeeded)
            {
                IdentityErrors.AddTo(modelState, t, created, nameof(Command.Password), nameof(Command.Email));
                return false;
            }

            if (command.NewOrganisation)
            {
                var organisation = new Organisation(command.OrganisationName!, command.OrganisationLanguage, command.OrganisationCategory!.Value)
                {
                    Acronym = string.IsNullOrWhiteSpace(command.OrganisationAcronym) ? null : command.OrganisationAcronym.Trim(),
                    CountryCode = Countries.Find(command.OrganisationCountry),
                    CreatedAt = now,
                };
                db.Organisations.Add(organisation);
                await db.SaveChangesAsync();
                db.FocalPoints.Add(new FocalPoint(organisation.Id, user.Id, FocalPointStatus.Approved, now));
                await users.AddToRoleAsync(user, Roles.FocalPoint);
            }
            else
            {
                db.FocalPoints.Add(new FocalPoint(command.OrganisationId!.Value, user.Id, FocalPointStatus.Pending, now));
            }

            await accountNotices.QueueConfirmationAsync(user);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
            SendNow();
            return true;
        }

        /// <summary>
        /// The organisations this public page may name: not one created by a registration whose address is still
        /// unconfirmed. A known address creates nothing, so seeing the new organisation appear would tell that the
        /// address had no account.
        /// </summary>
        private IQueryable<Organisation> Listed() =>
            db.Organisations.Where(o => !db.FocalPoints.Any(f => f.OrganisationId == o.Id)
                || db.FocalPoints.Any(f => f.OrganisationId == o.Id && db.Users.Any(u => u.Id == f.UserId && u.EmailConfirmed)));

        /// <summary>Nothing is created: the owner of the address hears of the attempt, in their language.</summary>
        private async Task TellTheOwnerAsync(User owner, User attempted, string password)
        {
            // A new account costs a password hash; answering as fast without one would tell the address is taken.
            _ = hasher.HashPassword(attempted, password);
            accountNotices.QueueRegistrationAttempt(owner);
            await db.SaveChangesAsync();
            SendNow();
        }

        // The outbox trigger cannot see rows inside a transaction: send now that they are committed.
        private void SendNow() => jobs.Enqueue<OutboxSender>(sender => sender.SendDueAsync(CancellationToken.None));

        private async Task CheckNewOrganisationAsync(Command command, ModelStateDictionary modelState)
        {
            if (string.IsNullOrWhiteSpace(command.OrganisationName))
            {
                modelState.AddModelError(nameof(Command.OrganisationName), t["Enter the name of your organisation."]);
            }
            else
            {
                var folded = NameNormaliser.Normalise(command.OrganisationName);
                if (await Listed().AnyAsync(o => o.NormalisedName == folded))
                {
                    modelState.AddModelError(nameof(Command.OrganisationName), t["An organisation with this name already exists: choose it in the list."]);
                }
            }

            if (!Languages.IsSupported(command.OrganisationLanguage))
            {
                modelState.AddModelError(nameof(Command.OrganisationLanguage), t["Choose a language in the list."]);
            }

            if (command.OrganisationCategory is not { } category || !Enum.IsDefined(category))
            {
                modelState.AddModelError(nameof(Command.OrganisationCategory), t["Choose the category of the organisation."]);
            }

            if (!string.IsNullOrWhiteSpace(command.OrganisationCountry) && !Countries.Exists(command.OrganisationCountry))
            {
                modelState.AddModelError(nameof(Command.OrganisationCountry), t["Choose a country in the list."]);
            }
        }
    }
}
