using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Sessions.Core.Accounts;
using Sessions.Core.Common;
using Sessions.Web.Infrastructure.Localisation;

namespace Sessions.Web.Features.Home;

[AllowAnonymous]
public sealed class HomeController : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index([FromServices] ShowHome.Handler handler)
    {
        var reader = User.Identity?.IsAuthenticated == true
            ? new ShowHome.Reader(User.FindFirstValue(ClaimTypes.NameIdentifier), User.IsInRole(Roles.Secretariat), User.IsInRole(Roles.FocalPoint), User.IsInRole(Roles.Delegate))
            : new ShowHome.Reader(null, false, false, false);
        return View(await handler.HandleAsync(reader, Cultures.Current, HttpContext.RequestAborted));
    }

    /// <summary>The language switcher: remembered in the culture cookie for a year.</summary>
    [HttpPost("/language")]
    public IActionResult Language(string culture, string? returnUrl)
    {
        var code = Languages.OrDefault(culture);
        Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(code)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/");
    }
}
