using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Sessions.Web.Infrastructure.Files;

/// <summary>
/// A request whose declared size is over the limit is sent back to its form (which shows the size message)
/// before anything reads its body; otherwise the antiforgery check fails on it with a bare error page.
/// <paramref name="formUrl"/> may name route values in braces, e.g. "/delegations/{id}?upload=too-large".
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RefuseOversizedUploadAttribute(long maxRequestBytes, string formUrl) : Attribute, IAuthorizationFilter, IOrderedFilter
{
    public int Order => -1000;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        if (context.HttpContext.Request.ContentLength > maxRequestBytes)
        {
            var url = context.RouteData.Values.Aggregate(formUrl, (u, value) =>
                u.Replace("{" + value.Key + "}", Uri.EscapeDataString(Convert.ToString(value.Value, System.Globalization.CultureInfo.InvariantCulture) ?? ""), StringComparison.Ordinal));
            context.Result = new RedirectResult(url);
        }
    }
}
