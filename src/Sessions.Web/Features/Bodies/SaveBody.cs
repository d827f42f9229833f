using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Sessions.Core.Bodies;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Web.Infrastructure.Forms;

namespace Sessions.Web.Features.Bodies;

/// <summary>Creates a body or edits one (name, kind, symbol prefix, observer quota).</summary>
public static class SaveBody
{
    public sealed class Command
    {
        public int Id { get; set; }

        public Guid Version { get; set; }

        /// <summary>The name in the languages it exists in; its original is required.</summary>
        public TranslatedTextForm Name { get; set; } = new();

        [Display(Name = "Kind of body")]
        public BodyKind Kind { get; set; } = BodyKind.Assembly;

        [Required(ErrorMessage = "Enter the symbol prefix, e.g. HSP/HA.")]
        [StringLength(50, ErrorMessage = "{0} is too long: at most {1} characters.")]
        [Display(Name = "Symbol prefix")]
        public string SymbolPrefix { get; set; } = "";

        [Range(0, 100, ErrorMessage = "{0} must be between {1} and {2}.")]
        [Display(Name = "Observers per organisation")]
        public int? ObserverQuota { get; set; }
    }

    public sealed class Handler(SessionsDbContext db)
    {
        public async Task<Command?> LoadAsync(int id) =>
            await db.Bodies.AsNoTracking().Where(b => b.Id == id).SingleOrDefaultAsync() is { } body
                ? new Command
                {
                    Id = body.Id,
                    Version = body.Version,
                    Name = TranslatedTextForm.From(body.Name),
                    Kind = body.Kind,
                    SymbolPrefix = body.SymbolPrefix,
                    ObserverQuota = body.ObserverQuotaPerOrganisation,
                }
                : null;

        public async Task<int> CreateAsync(Command command)
        {
            await EnsurePrefixIsFreeAsync(command.SymbolPrefix, 0);
            var body = new Body(command.Name.ToText(), command.Kind, command.SymbolPrefix, command.ObserverQuota ?? Body.DefaultObserverQuota(command.Kind));
            db.Bodies.Add(body);
            await db.SaveChangesAsync();
            return body.Id;
        }

        /// <summary>False when the body does not exist; throws DbUpdateConcurrencyException when someone saved it in between.</summary>
        public async Task<bool> UpdateAsync(Command command)
        {
            var body = await db.Bodies.SingleOrDefaultAsync(b => b.Id == command.Id);
            if (body is null)
            {
                return false;
            }

            db.Entry(body).Property(b => b.Version).OriginalValue = command.Version;
            await EnsurePrefixIsFreeAsync(command.SymbolPrefix, body.Id);
            command.Name.ApplyTo(body.Name);
            body.Kind = command.Kind;
            body.SetSymbolPrefix(command.SymbolPrefix);
            body.SetObserverQuota(command.ObserverQuota ?? Body.DefaultObserverQuota(command.Kind));
            await db.SaveChangesAsync();
            return true;
        }

        private async Task EnsurePrefixIsFreeAsync(string prefix, int bodyId)
        {
            var trimmed = prefix.Trim();
            if (await db.Bodies.AnyAsync(b => b.SymbolPrefix == trimmed && b.Id != bodyId))
            {
                throw new DomainException("The symbol prefix {0} is already used by another body.", trimmed);
            }
        }
    }
}
