using System.Security.Claims;
using Sessions.Core.Common;

namespace Sessions.Web.Infrastructure.Security;

public sealed class CurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    public string? UserId => accessor.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);

    public string? UserName => accessor.HttpContext?.User.Identity?.Name;
}
