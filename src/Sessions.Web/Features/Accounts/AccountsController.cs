using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Sessions.Web.Features.Accounts;

[Route("account")]
public sealed class AccountsController(SignIn.Handler signIn) : Controller
{
    [AllowAnonymous]
    [HttpGet("sign-in")]
    public IActionResult SignIn(string? returnUrl) => View(new SignIn.Command { ReturnUrl = returnUrl });

    [AllowAnonymous]
    [HttpPost("sign-in")]
    public async Task<IActionResult> SignIn(SignIn.Command command)
    {
        if (!ModelState.IsValid)
        {
            return View(command);
        }

        var error = await signIn.HandleAsync(command);
        if (error is not null)
        {
            ModelState.AddModelError("", error);
            return View(command);
        }

        return LocalRedirect(Url.IsLocalUrl(command.ReturnUrl) ? command.ReturnUrl! : "/");
    }

    [HttpPost("sign-out")]
    public async Task<IActionResult> SignOut([FromServices] Microsoft.AspNetCore.Identity.SignInManager<Core.Accounts.User> signInManager)
    {
        await signInManager.SignOutAsync();
        return LocalRedirect("/");
    }

    [AllowAnonymous]
    [HttpGet("access-denied")]
    public IActionResult AccessDenied() => StatusCode(StatusCodes.Status403Forbidden);
}
