using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Sessions.Web.Infrastructure.Forms;
using Sessions.Web.Infrastructure.Localisation;
using Sessions.Web.Infrastructure.Security;

namespace Sessions.Web.Features.Accounts.Administration;

[Route("admin")]
[Authorize(Policy = Policies.Secretariat)]
public sealed class AdminController(IStringLocalizer<Text> t) : Controller
{
    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    [HttpGet("users")]
    public async Task<IActionResult> Users(string? search, string? role, [FromServices] Users.Handler users, int page = 1) =>
        View(await users.HandleAsync(new Users.Query(search, role, page)));

    [HttpGet("users/new")]
    public IActionResult AddSecretariatUser() => View(new AddSecretariatUser.Command { PreferredLanguage = Cultures.Current });

    [HttpPost("users/new")]
    public async Task<IActionResult> AddSecretariatUser(AddSecretariatUser.Command command, [FromServices] AddSecretariatUser.Handler add)
    {
        if (!ModelState.IsValid || await add.HandleAsync(command, ModelState) is not { } id)
        {
            return View(command);
        }

        TempData["Success"] = t["The account is created. {0} has been sent a link to choose a password.", command.Email.Trim()].Value;
        return Redirect($"/admin/users/{id}");
    }

    [HttpGet("users/{id}")]
    public async Task<IActionResult> UserDetails(string id, [FromServices] UserDetails.Handler details) =>
        await details.HandleAsync(id, UserId) is { } model ? View(model) : NotFound();

    [HttpPost("users/{id}/deactivate")]
    public async Task<IActionResult> Deactivate(string id, [FromServices] SetUserActive.Handler setActive, [FromServices] SetUserActive.ConfirmationHandler confirmation, [FromServices] UserDetails.Handler details) =>
        !this.IsConfirmed()
            ? await this.AskToConfirmAsync(confirmation.HandleAsync(id))
            : await SetActiveAsync(id, false, setActive, details);

    [HttpPost("users/{id}/reactivate")]
    public Task<IActionResult> Reactivate(string id, [FromServices] SetUserActive.Handler setActive, [FromServices] UserDetails.Handler details) =>
        SetActiveAsync(id, true, setActive, details);

    [HttpPost("users/{id}/send-link")]
    public async Task<IActionResult> SendAccountLink(string id, [FromServices] SendAccountLink.Handler send)
    {
        if (!await send.HandleAsync(id))
        {
            return NotFound();
        }

        TempData["Success"] = t["The message has been sent again."].Value;
        return Redirect($"/admin/users/{id}");
    }

    [HttpGet("focal-points")]
    public async Task<IActionResult> FocalPointRequests([FromServices] FocalPointRequests.Handler requests, int page = 1) =>
        View(await requests.HandleAsync(page));

    [HttpPost("focal-points/{id:int}/approve")]
    public async Task<IActionResult> ApproveFocalPoint(int id, [FromServices] DecideFocalPointRequest.Handler decide, [FromServices] FocalPointRequests.Handler requests)
    {
        switch (await this.RunFormCommandAsync(() => decide.ApproveAsync(id, UserId)))
        {
            case FormOutcome.Done:
                TempData["Success"] = t["The request is approved; the focal point has been told."].Value;
                return Redirect("/admin/focal-points");
            case FormOutcome.NotFound:
                return NotFound();
            default:
                return View(nameof(FocalPointRequests), await requests.HandleAsync(1));
        }
    }

    [HttpPost("focal-points/{id:int}/reject")]
    public async Task<IActionResult> RejectFocalPoint(int id, string? reason, [FromServices] DecideFocalPointRequest.Handler decide, [FromServices] DecideFocalPointRequest.ConfirmationHandler confirmation, [FromServices] FocalPointRequests.Handler requests)
    {
        // Without a reason the rules refuse before anything changes: the refusal shows at once, without a confirmation.
        if (!this.IsConfirmed() && !string.IsNullOrWhiteSpace(reason))
        {
            return await this.AskToConfirmAsync(confirmation.HandleAsync(id, reason));
        }

        switch (await this.RunFormCommandAsync(() => decide.RejectAsync(id, UserId, reason)))
        {
            case FormOutcome.Done:
                TempData["Success"] = t["The request is rejected; the person has been told why."].Value;
                return Redirect("/admin/focal-points");
            case FormOutcome.NotFound:
                return NotFound();
            default:
                return View(nameof(FocalPointRequests), await requests.HandleAsync(1));
        }
    }

    private async Task<IActionResult> SetActiveAsync(string id, bool active, SetUserActive.Handler setActive, UserDetails.Handler details)
    {
        switch (await this.RunFormCommandAsync(() => setActive.HandleAsync(id, active, UserId)))
        {
            case FormOutcome.Done:
                TempData["Success"] = (active ? t["The account is active again."] : t["The account is deactivated: it can no longer sign in."]).Value;
                return Redirect($"/admin/users/{id}");
            case FormOutcome.NotFound:
                return NotFound();
            default:
                return await details.HandleAsync(id, UserId) is { } model ? View(nameof(UserDetails), model) : NotFound();
        }
    }
}
