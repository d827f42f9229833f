using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Sessions.Web.Infrastructure.Localisation;
using Sessions.Web.Infrastructure.Security;

namespace Sessions.Web.Features.Accounts.Account;

[Route("account")]
public sealed class AccountsController(IStringLocalizer<Text> t) : Controller
{
    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] Profile.Handler profile) => View(await profile.LoadAsync(UserId));

    [HttpPost("")]
    public async Task<IActionResult> Index(Profile.Form form, [FromServices] Profile.Handler profile)
    {
        if (!await profile.SaveAsync(UserId, form, ModelState))
        {
            return View(await profile.LoadAsync(UserId, form));
        }

        // The interface follows the language the user just chose.
        Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(form.PreferredLanguage)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
        TempData["Success"] = t["Saved."].Value;
        return Redirect("/account");
    }

    [AllowAnonymous]
    [HttpGet("sign-in")]
    public IActionResult SignIn(string? returnUrl) => View(new SignIn.Command { ReturnUrl = returnUrl });

    [AllowAnonymous]
    [HttpPost("sign-in")]
    [EnableRateLimiting(AccountSecuritySetup.SignInPolicy)]
    public async Task<IActionResult> SignIn(SignIn.Command command, [FromServices] SignIn.Handler signIn)
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
    public async Task<IActionResult> SignOut([FromServices] SignOut.Handler signOut)
    {
        await signOut.HandleAsync(User);
        return LocalRedirect("/");
    }

    [AllowAnonymous]
    [HttpGet("access-denied")]
    public IActionResult AccessDenied() => StatusCode(StatusCodes.Status403Forbidden);

    [AllowAnonymous]
    [HttpGet("register")]
    public async Task<IActionResult> Register(string? search, [FromServices] Register.Handler register) =>
        View(await register.PrepareAsync(new Register.Command { PreferredLanguage = Cultures.Current, OrganisationLanguage = Cultures.Current, Search = search }));

    /// <summary>The search as you type of the registration page: the organisations it lists, matching what was typed.</summary>
    [AllowAnonymous]
    [HttpGet("register/organisations")]
    public async Task<IActionResult> RegisterOrganisations(string? q, [FromServices] Register.Handler register) =>
        Json(await register.SearchAsync(q));

    [AllowAnonymous]
    [HttpPost("register")]
    [EnableRateLimiting(AccountSecuritySetup.SignInPolicy)]
    public async Task<IActionResult> Register(Register.Command command, [FromServices] Register.Handler register)
    {
        if (!await register.HandleAsync(command, ModelState))
        {
            command.Password = command.ConfirmPassword = "";
            return View(await register.PrepareAsync(command));
        }

        return View("Message", new MessageViewModel(
            t["Check your inbox"],
            t["We have sent a message to {0}: follow its link to confirm your address, then sign in.", command.Email.Trim()],
            "/account/resend-confirmation",
            t["I did not receive the message"]));
    }

    [AllowAnonymous]
    [HttpGet("confirm-email")]
    public async Task<IActionResult> ConfirmEmail(string? userId, string? code, [FromServices] ConfirmEmail.Handler confirm) =>
        await confirm.HandleAsync(userId, code)
            ? View("Message", new MessageViewModel(t["Email address confirmed"], t["Thank you: your email address is confirmed. You can now sign in."], "/account/sign-in", t["Sign in"]))
            : View("Message", new MessageViewModel(t["This link does not work"], t["This link is not valid or has expired. Ask for a new one."], "/account/resend-confirmation", t["Send the confirmation message again"]));

    [AllowAnonymous]
    [HttpGet("resend-confirmation")]
    public IActionResult ResendConfirmation() => View(new ResendConfirmation.Command());

    [AllowAnonymous]
    [HttpPost("resend-confirmation")]
    [EnableRateLimiting(AccountSecuritySetup.SignInPolicy)]
    public async Task<IActionResult> ResendConfirmation(ResendConfirmation.Command command, [FromServices] ResendConfirmation.Handler resend)
    {
        if (!ModelState.IsValid)
        {
            return View(command);
        }

        await resend.HandleAsync(command);
        return View("Message", new MessageViewModel(
            t["Check your inbox"],
            t["If {0} belongs to an account that is not confirmed yet, we have sent it a new confirmation link.", command.Email.Trim()]));
    }

    [AllowAnonymous]
    [HttpGet("forgot-password")]
    public IActionResult ForgotPassword() => View(new ForgotPassword.Command());

    [AllowAnonymous]
    [HttpPost("forgot-password")]
    [EnableRateLimiting(AccountSecuritySetup.SignInPolicy)]
    public async Task<IActionResult> ForgotPassword(ForgotPassword.Command command, [FromServices] ForgotPassword.Handler forgot)
    {
        if (!ModelState.IsValid)
        {
            return View(command);
        }

        await forgot.HandleAsync(command);
        return View("Message", new MessageViewModel(
            t["Check your inbox"],
            t["If {0} belongs to an account, we have sent it a link to choose a new password. The link is valid for one day.", command.Email.Trim()]));
    }

    [AllowAnonymous]
    [HttpGet("reset-password")]
    public IActionResult ResetPassword(string? userId, string? code) =>
        View(new ResetPassword.Command { UserId = userId, Code = code });

    [AllowAnonymous]
    [HttpPost("reset-password")]
    [EnableRateLimiting(AccountSecuritySetup.SignInPolicy)]
    public async Task<IActionResult> ResetPassword(ResetPassword.Command command, [FromServices] ResetPassword.Handler reset)
    {
        if (!ModelState.IsValid || !await reset.HandleAsync(command, ModelState))
        {
            command.Password = command.ConfirmPassword = "";
            return View(command);
        }

        return View("Message", new MessageViewModel(t["Password changed"], t["Your new password is saved. Sign in with it."], "/account/sign-in", t["Sign in"]));
    }

    [HttpGet("change-password")]
    public IActionResult ChangePassword() => View(new ChangePassword.Command());

    [HttpPost("change-password")]
    public async Task<IActionResult> ChangePassword(ChangePassword.Command command, [FromServices] ChangePassword.Handler change)
    {
        if (!ModelState.IsValid || !await change.HandleAsync(User, command, ModelState))
        {
            return View(new ChangePassword.Command());
        }

        TempData["Success"] = t["Your new password is saved."].Value;
        return Redirect("/account");
    }
}
