using Microsoft.EntityFrameworkCore;
using Sessions.Core.Data;

namespace Sessions.Web.Features.Bodies;

public static class RemoveMember
{
    public sealed class Handler(SessionsDbContext db)
    {
        /// <summary>False when the body does not exist.</summary>
        public async Task<bool> HandleAsync(int bodyId, int membershipId)
        {
            var body = await db.Bodies.Include(b => b.Memberships.Where(m => m.Id == membershipId)).SingleOrDefaultAsync(b => b.Id == bodyId);
            if (body is null)
            {
                return false;
            }

            body.RemoveMember(membershipId);
            await db.SaveChangesAsync();
            return true;
        }
    }
}
