using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Sessions.Web.Infrastructure.Localisation;

namespace Sessions.Web.Features.Shared;

public sealed record ErrorViewModel(string Title, string Message);

/// <summary>Friendly, localised error pages; never a stack trace outside Development.</summary>
[AllowAnonymous]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorController(IStringLocalizer<Text> t) : Controller
{
    [Route("/error/{code:int?}")]
    [IgnoreAntiforgeryToken]
    public IActionResult Show()
    {
        // Read from the route, not bound: a re-executed POST still carries its form, which may hold a field named
        // "code", or be unreadable, and then MVC binds no parameter at all.
        // Only an error status: /error/204 would forbid the page its body, /error/200 would call an error a success.
        var status = !int.TryParse(RouteData.Values["code"] as string, System.Globalization.CultureInfo.InvariantCulture, out var code)
            ? StatusCodes.Status500InternalServerError
            : code is >= 400 and <= 599 ? code : StatusCodes.Status404NotFound;
        Response.StatusCode = status;
        var model = status switch
        {
            404 => new ErrorViewModel(t["Page not found"], t["The page you asked for does not exist or has moved. Check the address, or start again from the home page."]),
            403 => new ErrorViewModel(t["Access denied"], t["Your account does not give you access to this page."]),
            429 => new ErrorViewModel(t["Too many requests"], t["You have made too many attempts. Wait a minute and try again."]),
            400 => new ErrorViewModel(t["Bad request"], t["The request could not be understood. Go back, reload the page and try again."]),
            _ => new ErrorViewModel(t["Something went wrong"], t["An unexpected error occurred. It has been logged; try again in a moment."]),
        };
        return View("Error", model);
    }
}
