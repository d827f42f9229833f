using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Organisations;

namespace Sessions.Web.Features.Bodies;

/// <summary>Seats a member State on a body for a term.</summary>
public static class AddMember
{
    public sealed class Command
    {
        [Required(ErrorMessage = "Choose a member State.")]
        [Display(Name = "Member State")]
        public int? OrganisationId { get; set; }

        [Required(ErrorMessage = "Enter the start of the term.")]
        [Display(Name = "Term starts")]
        public DateOnly? TermStart { get; set; }

        [Display(Name = "Term ends")]
        public DateOnly? TermEnd { get; set; }
    }

    public sealed class Handler(SessionsDbContext db)
    {
        /// <summary>False when the body does not exist.</summary>
        public async Task<bool> HandleAsync(int bodyId, Command command)
        {
            var body = await db.Bodies.Include(b => b.Memberships.Where(m => m.OrganisationId == command.OrganisationId)).SingleOrDefaultAsync(b => b.Id == bodyId);
            if (body is null)
            {
                return false;
            }

            var isMemberState = await db.Organisations.AnyAsync(o => o.Id == command.OrganisationId && o.Category == OrganisationCategory.MemberState);
            if (!isMemberState)
            {
                throw new DomainException("Only a member State can be a member of a body.");
            }

            body.AddMember(command.OrganisationId!.Value, command.TermStart!.Value, command.TermEnd);
            await db.SaveChangesAsync();
            return true;
        }
    }
}
