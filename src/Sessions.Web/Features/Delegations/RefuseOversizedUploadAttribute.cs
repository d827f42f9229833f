using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Sessions.Web.Features.Delegations;

/// <summary>
/// A request far beyond the upload limit is turned back to the delegation page with the size message before
/// anything reads its body (the antiforgery check would otherwise fail on it with a bare error page).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RefuseOversizedUploadAttribute(long maxRequestBytes) : Attribute, IAuthorizationFilter, IOrderedFilter
{
    public int Order => -1000;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        if (context.HttpContext.Request.ContentLength > maxRequestBytes && context.RouteData.Values["id"] is { } id)
        {
            context.Result = new RedirectResult($"/delegations/{id}?upload=too-large");
        }
    }
}
