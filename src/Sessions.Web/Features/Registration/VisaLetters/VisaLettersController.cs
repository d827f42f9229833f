using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Sessions.Core.Registration;
using Sessions.Web.Infrastructure.Forms;
using Sessions.Web.Infrastructure.Localisation;
using Sessions.Web.Infrastructure.Security;

namespace Sessions.Web.Features.Registration.VisaLetters;

/// <summary>
/// Visa support letters. A participant reaches their request through the private link of their invitation or their own
/// account, a focal point through the delegation; the secretariat lists, approves and refuses. Passport data is shown
/// only there: everyone else gets 404, and no page that shows it is ever cached.
/// </summary>
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class VisaLettersController(IStringLocalizer<Text> t) : Controller
{
    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    [AllowAnonymous]
    [HttpGet("/participants/confirm/{token}/visa-letter")]
    public Task<IActionResult> RequestByLink(string token, [FromServices] RequestVisaLetter.Handler handler) =>
        ShowRequestAsync(ParticipantAccess.ByToken(token), handler, null);

    [AllowAnonymous]
    [HttpPost("/participants/confirm/{token}/visa-letter")]
    public Task<IActionResult> RequestByLink(string token, RequestVisaLetter.Form form, [FromServices] RequestVisaLetter.Handler handler) =>
        AskAsync(ParticipantAccess.ByToken(token), form, handler);

    [AllowAnonymous]
    [HttpGet("/participants/confirm/{token}/visa-letter/letter")]
    public Task<IActionResult> LetterByLink(string token, [FromServices] ShowVisaLetter.Handler handler) =>
        LetterAsync(handler.ForParticipantAsync(ParticipantAccess.ByToken(token)));

    [HttpGet("/participants/{participantId:int}/visa-letter")]
    public Task<IActionResult> RequestByAccount(int participantId, [FromServices] RequestVisaLetter.Handler handler) =>
        ShowRequestAsync(ParticipantAccess.ByAccount(participantId, User), handler, null);

    [HttpPost("/participants/{participantId:int}/visa-letter")]
    public Task<IActionResult> RequestByAccount(int participantId, RequestVisaLetter.Form form, [FromServices] RequestVisaLetter.Handler handler) =>
        AskAsync(ParticipantAccess.ByAccount(participantId, User), form, handler);

    [HttpGet("/participants/{participantId:int}/visa-letter/letter")]
    public Task<IActionResult> LetterByAccount(int participantId, [FromServices] ShowVisaLetter.Handler handler) =>
        LetterAsync(handler.ForParticipantAsync(ParticipantAccess.ByAccount(participantId, User)));

    [Authorize(Policy = Policies.Secretariat)]
    [HttpGet("/sessions/manage/{sessionId:int}/visa-letters")]
    public async Task<IActionResult> Index(int sessionId, VisaLetterStatus? status, [FromServices] ListVisaLetters.Handler handler, int page = 1) =>
        await handler.HandleAsync(sessionId, status, page, Cultures.Current) is { } model ? View(model) : NotFound();

    [Authorize(Policy = Policies.Secretariat)]
    [HttpGet("/visa-letters/{id:int}")]
    public async Task<IActionResult> Review(int id, [FromServices] ReviewVisaLetter.Handler handler) =>
        await handler.HandleAsync(id, Cultures.Current) is { } model ? View(model) : NotFound();

    [Authorize(Policy = Policies.Secretariat)]
    [HttpPost("/visa-letters/{id:int}/approve")]
    public async Task<IActionResult> Approve(int id, Guid version, [FromServices] DecideVisaLetter.Handler decide, [FromServices] ReviewVisaLetter.Handler review) =>
        await AfterDecisionAsync(id, await this.RunFormCommandAsync(() => decide.ApproveAsync(id, version, UserId)), t["The request has been approved: the letter has been sent to the participant."], review, null);

    [Authorize(Policy = Policies.Secretariat)]
    [HttpPost("/visa-letters/{id:int}/refuse")]
    public async Task<IActionResult> Refuse(int id, Guid version, string? reason, [FromServices] DecideVisaLetter.Handler decide, [FromServices] DecideVisaLetter.ConfirmationHandler confirmation, [FromServices] ReviewVisaLetter.Handler review) =>
        // Without a reason the rules refuse before anything changes: the refusal shows at once, without a confirmation.
        !this.IsConfirmed() && !string.IsNullOrWhiteSpace(reason)
            ? await this.AskToConfirmAsync(confirmation.HandleAsync(id, reason))
            : await AfterDecisionAsync(id, await this.RunFormCommandAsync(() => decide.RefuseAsync(id, version, reason, UserId), "reason"), t["The request has been refused and the participant told."], review, reason);

    [Authorize(Policy = Policies.Secretariat)]
    [HttpGet("/visa-letters/{id:int}/letter")]
    public Task<IActionResult> LetterForSecretariat(int id, [FromServices] ShowVisaLetter.Handler handler) =>
        LetterAsync(handler.ForSecretariatAsync(id));

    private async Task<IActionResult> ShowRequestAsync(ParticipantAccess access, RequestVisaLetter.Handler handler, RequestVisaLetter.Form? typed) =>
        await handler.LoadAsync(access, typed) is { } model ? View("Request", model) : NotFound();

    private async Task<IActionResult> AskAsync(ParticipantAccess access, RequestVisaLetter.Form form, RequestVisaLetter.Handler handler)
    {
        switch (await this.RunFormCommandAsync(() => handler.HandleAsync(access, form), requireBinding: false))
        {
            case FormOutcome.NotFound:
                return NotFound();
            case FormOutcome.Done:
                TempData["Success"] = t["Your request has been sent to the secretariat. You will be told of its decision by email."].Value;
                return Redirect(access.BasePath + "/visa-letter");
            default:
                // What was typed stays on the form, beside the refusal.
                return await ShowRequestAsync(access, handler, form);
        }
    }

    private async Task<IActionResult> LetterAsync(Task<ShowVisaLetter.Model?> letter) =>
        await letter is { } model ? View("Letter", model) : NotFound();

    private async Task<IActionResult> AfterDecisionAsync(int id, FormOutcome outcome, string success, ReviewVisaLetter.Handler review, string? typedReason)
    {
        if (outcome == FormOutcome.Done)
        {
            TempData["Success"] = success;
            return Redirect($"/visa-letters/{id}");
        }

        return outcome != FormOutcome.NotFound && await review.HandleAsync(id, Cultures.Current) is { } model
            ? View(nameof(Review), model with { TypedReason = typedReason })
            : NotFound();
    }
}
