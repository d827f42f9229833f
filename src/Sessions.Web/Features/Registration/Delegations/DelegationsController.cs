using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Sessions.Core.Accounts;
using Sessions.Core.Files;
using Sessions.Core.Registration;
using Sessions.Web.Infrastructure.Files;
using Sessions.Web.Infrastructure.Forms;
using Sessions.Web.Infrastructure.Localisation;
using Sessions.Web.Infrastructure.Security;

namespace Sessions.Web.Features.Registration.Delegations;

/// <summary>
/// A focal point's delegations. Every route finds the delegation among those of the organisations the user
/// acts for and answers 404 otherwise, so an id typed into the address reveals nothing.
/// </summary>
[Route("delegations")]
[Authorize(Roles = Roles.FocalPoint)]
public sealed class DelegationsController(IStringLocalizer<Text> t) : Controller
{
    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] ListDelegations.Handler handler, int page = 1) =>
        View(await handler.HandleAsync(UserId, Cultures.Current, page));

    [HttpGet("new")]
    public async Task<IActionResult> New(int sessionId, int organisationId, [FromServices] RegisterDelegation.Handler handler) =>
        await handler.PrepareAsync(sessionId, organisationId, UserId, Cultures.Current) is { } model ? View(model) : NotFound();

    [HttpPost("new")]
    public async Task<IActionResult> Register(int sessionId, int organisationId, [FromServices] RegisterDelegation.Handler handler)
    {
        int? id = null;
        switch (await this.RunFormCommandAsync(async () => (id = await handler.HandleAsync(sessionId, organisationId, UserId, Cultures.Current)) is not null))
        {
            case FormOutcome.Done:
                TempData["Success"] = t["The delegation has been registered as a draft. Upload the letter and nominate its participants, then submit it."].Value;
                return RedirectToAction(nameof(Show), new { id });
            case FormOutcome.NotFound:
                return NotFound();
            default:
                return await handler.PrepareAsync(sessionId, organisationId, UserId, Cultures.Current) is { } model ? View(nameof(New), model) : NotFound();
        }
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Show(int id, string? upload, [FromServices] ShowDelegation.Handler handler)
    {
        if (upload == "too-large")
        {
            ModelState.AddModelError("file", t["The file is larger than {0} MB.", UploadRule.Pdf.MaxBytes / (1024 * 1024)]);
        }

        return await ShowAsync(id, handler);
    }

    [HttpPost("{id:int}/letter")]
    [RequestSizeLimit(UploadLetter.MaxRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = UploadLetter.MaxRequestBytes)]
    [RefuseOversizedUpload(UploadLetter.MaxRequestBytes, "/delegations/{id}?upload=too-large")]
    public async Task<IActionResult> AttachLetter(int id, Guid version, IFormFile? file, [FromServices] UploadLetter.Handler handler, [FromServices] ShowDelegation.Handler show)
    {
        var outcome = ChangeOutcome.NotFound;
        return await this.RunFormCommandAsync(async () => outcome = await handler.HandleAsync(id, UserId, version, file), "file") == FormOutcome.Done
            ? await AfterChangeAsync(id, outcome, t["The letter has been uploaded."], show)
            : await ShowAsync(id, show);
    }

    [HttpGet("{id:int}/letter")]
    public async Task<IActionResult> Letter(int id, [FromServices] UploadLetter.Handler handler, [FromServices] IFileStore store) =>
        await handler.FindAsync(id, UserId) is { } file ? this.Serve(store, file) : NotFound();

    [HttpGet("{id:int}/participants/new")]
    public async Task<IActionResult> Nominate(int id, [FromServices] NominateParticipant.Handler handler) =>
        await handler.LoadAsync(id, UserId) is { } form ? View("ParticipantForm", form) : NotFound();

    [HttpPost("{id:int}/participants/new")]
    public async Task<IActionResult> Nominate(int id, ParticipantForm form, [FromServices] NominateParticipant.Handler handler)
    {
        form.DelegationId = id;
        form.ParticipantId = null;
        NominateParticipant.Result? result = null;
        if (await this.RunFormCommandAsync(async () => result = await handler.HandleAsync(id, UserId, form), requireBinding: false) == FormOutcome.Done)
        {
            switch (result!.Outcome)
            {
                case ChangeOutcome.NotFound:
                    return NotFound();
                case ChangeOutcome.Done:
                    TempData["Success"] = result.Status == ParticipantStatus.Waitlisted
                        ? t["The session has reached its capacity for observers: {0} is on the waitlist and will take the first place that frees up. They have been told by email.", form.Email ?? ""].Value
                        : t["{0} has been nominated and invited by email to confirm their details.", form.Email ?? ""].Value;
                    return RedirectToAction(nameof(Show), new { id });
                case ChangeOutcome.Conflict:
                    ModelState.AddModelError("", this.ChangedMeanwhile());
                    break;
            }
        }

        return await RedisplayAsync(form, handler.LoadAsync(id, UserId));
    }

    [HttpGet("{id:int}/participants/{participantId:int}/edit")]
    public async Task<IActionResult> ChangeParticipant(int id, int participantId, [FromServices] EditParticipant.Handler handler) =>
        await handler.LoadAsync(id, participantId, UserId) is { } form ? View("ParticipantForm", form) : NotFound();

    [HttpPost("{id:int}/participants/{participantId:int}/edit")]
    public async Task<IActionResult> ChangeParticipant(int id, int participantId, ParticipantForm form, [FromServices] EditParticipant.Handler handler)
    {
        form.DelegationId = id;
        form.ParticipantId = participantId;
        var outcome = ChangeOutcome.NotFound;
        if (await this.RunFormCommandAsync(async () => outcome = await handler.HandleAsync(id, participantId, UserId, form), requireBinding: false) == FormOutcome.Done)
        {
            switch (outcome)
            {
                case ChangeOutcome.NotFound:
                    return NotFound();
                case ChangeOutcome.Done:
                    TempData["Success"] = t["Saved."].Value;
                    return RedirectToAction(nameof(Show), new { id });
                case ChangeOutcome.Conflict:
                    return await handler.LoadAsync(id, participantId, UserId) is { } current ? this.ShowCurrentVersion("ParticipantForm", current) : NotFound();
            }
        }

        return await RedisplayAsync(form, handler.LoadAsync(id, participantId, UserId));
    }

    [HttpPost("{id:int}/participants/{participantId:int}/withdraw")]
    public async Task<IActionResult> WithdrawNominee(int id, int participantId, Guid version, [FromServices] WithdrawParticipant.Handler handler, [FromServices] WithdrawParticipant.ConfirmationHandler confirmation, [FromServices] ShowDelegation.Handler show) =>
        !this.IsConfirmed()
            ? await this.AskToConfirmAsync(confirmation.HandleAsync(id, participantId, UserId))
            : await AfterChangeAsync(id, await handler.HandleAsync(id, participantId, UserId, version), t["The participant has been withdrawn and told by email."], show);

    [HttpPost("{id:int}/submit")]
    public async Task<IActionResult> Submit(int id, Guid version, [FromServices] SubmitDelegation.Handler handler, [FromServices] ShowDelegation.Handler show)
    {
        var outcome = ChangeOutcome.NotFound;
        return await this.RunFormCommandAsync(async () => outcome = await handler.HandleAsync(id, UserId, version)) == FormOutcome.Done
            ? await AfterChangeAsync(id, outcome, t["The delegation has been submitted to the secretariat for review."], show)
            : await ShowAsync(id, show);
    }

    [HttpPost("{id:int}/withdraw")]
    public async Task<IActionResult> Withdraw(int id, Guid version, [FromServices] WithdrawDelegation.Handler handler, [FromServices] WithdrawDelegation.ConfirmationHandler confirmation, [FromServices] ShowDelegation.Handler show) =>
        !this.IsConfirmed()
            ? await this.AskToConfirmAsync(confirmation.HandleAsync(id, UserId))
            : await AfterChangeAsync(id, await handler.HandleAsync(id, UserId, version), t["The delegation has been withdrawn. Its participants have been told by email."], show);

    // A nominee's details behind a private link: public, but never cached.
    [AllowAnonymous]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    [HttpGet("/participants/confirm/{token}")]
    public async Task<IActionResult> Confirm(string token, [FromServices] ConfirmParticipation.Handler handler, [FromServices] ParticipantAccount.Handler account) =>
        await handler.LoadAsync(token) is { } form ? await ConfirmPageAsync(form, account) : NotFound();

    [AllowAnonymous]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    [HttpPost("/participants/confirm/{token}")]
    public async Task<IActionResult> Confirm(string token, ConfirmParticipation.Form form, [FromServices] ConfirmParticipation.Handler handler, [FromServices] ParticipantAccount.Handler account)
    {
        var outcome = ChangeOutcome.NotFound;
        if (await this.RunFormCommandAsync(async () => outcome = await handler.HandleAsync(token, form), requireBinding: false) == FormOutcome.Done)
        {
            switch (outcome)
            {
                case ChangeOutcome.NotFound:
                    return NotFound();
                case ChangeOutcome.Done:
                    TempData["Success"] = t["Thank you: your details are confirmed."].Value;
                    return RedirectToAction(nameof(Confirm), new { token });
                case ChangeOutcome.Conflict:
                    if (await handler.LoadAsync(token) is not { } current)
                    {
                        return NotFound();
                    }

                    current.Account = await account.DescribeAsync(token, SignedInUserId);
                    return this.ShowCurrentVersion(nameof(Confirm), current);
            }
        }

        if (await handler.LoadAsync(token) is not { } fresh)
        {
            return NotFound();
        }

        // What the person typed stays; the rest is read again.
        fresh.Title = form.Title;
        fresh.GivenName = form.GivenName;
        fresh.FamilyName = form.FamilyName;
        fresh.PreferredLanguage = form.PreferredLanguage;
        fresh.ConsentToPublicList = form.ConsentToPublicList;
        return await ConfirmPageAsync(fresh, account);
    }

    /// <summary>The invitation's second step: an account with the invitation's address, created here, verified and linked.</summary>
    [AllowAnonymous]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    [HttpPost("/participants/confirm/{token}/account")]
    [EnableRateLimiting(AccountSecuritySetup.SignInPolicy)]
    public async Task<IActionResult> CreateAccount(string token, [Bind(Prefix = nameof(ConfirmParticipation.Form.NewAccount))] ParticipantAccount.NewAccount newAccount, [FromServices] ParticipantAccount.Handler account, [FromServices] ConfirmParticipation.Handler handler)
    {
        bool? created = null;
        var outcome = await this.RunFormCommandAsync(async () => (created = await account.CreateAsync(token, SignedInUserId, newAccount, ModelState)) is not null, "Account", requireBinding: false);
        if (outcome == FormOutcome.NotFound)
        {
            return NotFound();
        }

        if (outcome == FormOutcome.Done && created == true)
        {
            TempData["Success"] = t["Your account is created and your participation is linked to it."].Value;
            return RedirectToAction(nameof(Confirm), new { token });
        }

        return await handler.LoadAsync(token) is { } form ? await ConfirmPageAsync(form, account) : NotFound();
    }

    /// <summary>Links the participation to the account signed in, when its verified address is the invitation's.</summary>
    [AllowAnonymous]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    [HttpPost("/participants/confirm/{token}/link")]
    public async Task<IActionResult> LinkAccount(string token, [FromServices] ParticipantAccount.Handler account, [FromServices] ConfirmParticipation.Handler handler)
    {
        if (SignedInUserId is not { } userId)
        {
            return Challenge();
        }

        var outcome = ChangeOutcome.NotFound;
        if (await this.RunFormCommandAsync(async () => outcome = await account.LinkAsync(token, userId), "Account", requireBinding: false) == FormOutcome.Done)
        {
            if (outcome == ChangeOutcome.NotFound)
            {
                return NotFound();
            }

            TempData["Success"] = t["Your participation is linked to your account."].Value;
            return RedirectToAction(nameof(Confirm), new { token });
        }

        return await handler.LoadAsync(token) is { } form ? await ConfirmPageAsync(form, account) : NotFound();
    }

    private string? SignedInUserId => User.Identity?.IsAuthenticated == true ? User.FindFirstValue(ClaimTypes.NameIdentifier) : null;

    private async Task<IActionResult> ConfirmPageAsync(ConfirmParticipation.Form form, ParticipantAccount.Handler account)
    {
        form.Account = await account.DescribeAsync(form.Token, SignedInUserId);
        return View(nameof(Confirm), form);
    }

    [AllowAnonymous]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    [HttpPost("/participants/confirm/{token}/attendance")]
    public async Task<IActionResult> ChangeAttendance(string token, AttendanceMode? attendance, Guid version, [FromServices] ChangeWayOfAttending.Handler handler, [FromServices] ConfirmParticipation.Handler confirm)
    {
        var outcome = ChangeOutcome.NotFound;
        switch (await this.RunFormCommandAsync(async () => outcome = await handler.HandleAsync(token, attendance, version), "Attendance", requireBinding: false))
        {
            case FormOutcome.Done when outcome == ChangeOutcome.Done:
                TempData["Success"] = t["Saved: how you attend is recorded."].Value;
                return RedirectToAction(nameof(Confirm), new { token });
            case FormOutcome.Done when outcome == ChangeOutcome.Conflict:
                return await confirm.LoadAsync(token) is { } current ? this.ShowCurrentVersion(nameof(Confirm), current) : NotFound();
            case FormOutcome.Done:
                return NotFound();
        }

        return await confirm.LoadAsync(token) is { } fresh ? View(nameof(Confirm), fresh) : NotFound();
    }

    private async Task<IActionResult> ShowAsync(int id, ShowDelegation.Handler handler) =>
        await handler.HandleAsync(id, UserId, Cultures.Current) is { } model ? View(nameof(Show), model) : NotFound();

    private async Task<IActionResult> AfterChangeAsync(int id, ChangeOutcome outcome, string success, ShowDelegation.Handler show)
    {
        switch (outcome)
        {
            case ChangeOutcome.NotFound:
                return NotFound();
            case ChangeOutcome.Conflict:
                ModelState.AddModelError("", this.ChangedMeanwhile());
                return await ShowAsync(id, show);
            default:
                TempData["Success"] = success;
                return RedirectToAction(nameof(Show), new { id });
        }
    }

    /// <summary>The form again with what was typed, its labels read afresh; 404 when the delegation is not the user's.</summary>
    private async Task<IActionResult> RedisplayAsync(ParticipantForm form, Task<ParticipantForm?> fresh)
    {
        if (await fresh is not { } current)
        {
            return NotFound();
        }

        form.OrganisationName = current.OrganisationName;
        form.SessionSymbol = current.SessionSymbol;
        form.SessionFormat = current.SessionFormat;
        form.Attendance ??= current.Attendance;
        return View("ParticipantForm", form);
    }
}
