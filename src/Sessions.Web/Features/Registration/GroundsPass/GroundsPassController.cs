using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sessions.Core.Accounts;
using Sessions.Core.Data;
using Sessions.Core.Files;
using Sessions.Web.Features.Registration.Badges;
using Sessions.Web.Infrastructure.Files;
using Sessions.Web.Infrastructure.Forms;
using Sessions.Web.Infrastructure.Localisation;

namespace Sessions.Web.Features.Registration.GroundsPass;

/// <summary>
/// The grounds pass of a participant: reached by the participant's id (their account, their focal point, the
/// secretariat) or by the private link of their invitation. The photo is served only there and on a badge the viewer
/// may see (which includes the secretariat at the door), never cached; anyone else gets a 404.
/// </summary>
public sealed class GroundsPassController(IStringLocalizer<Text> t) : Controller
{
    private BadgeAccess.Viewer Viewer => new(User.FindFirstValue(ClaimTypes.NameIdentifier), User.IsInRole(Roles.Secretariat));

    private ParticipantAccess ById(int participantId) => ParticipantAccess.ByAccount(participantId, User);

    private static ParticipantAccess ByLink(string token) => ParticipantAccess.ByToken(token);

    [HttpGet("/participants/{participantId:int}/grounds-pass")]
    public Task<IActionResult> Show(int participantId, [FromServices] ShowGroundsPass.Handler handler) => ShowAsync(ById(participantId), handler);

    [AllowAnonymous]
    [HttpGet("/participants/confirm/{token}/grounds-pass")]
    public Task<IActionResult> ShowByLink(string token, [FromServices] ShowGroundsPass.Handler handler) => ShowAsync(ByLink(token), handler);

    [HttpPost("/participants/{participantId:int}/grounds-pass/photo")]
    [RequestSizeLimit(ChangeGroundsPass.MaxRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = ChangeGroundsPass.MaxRequestBytes)]
    [RefuseOversizedUpload(ChangeGroundsPass.MaxRequestBytes, "/participants/{participantId}/grounds-pass?upload=too-large")]
    public Task<IActionResult> UploadPhoto(int participantId, IFormFile? photo, [FromServices] ChangeGroundsPass.Handler change, [FromServices] ShowGroundsPass.Handler show) =>
        UploadAsync(ById(participantId), photo, change, show);

    [AllowAnonymous]
    [HttpPost("/participants/confirm/{token}/grounds-pass/photo")]
    [RequestSizeLimit(ChangeGroundsPass.MaxRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = ChangeGroundsPass.MaxRequestBytes)]
    [RefuseOversizedUpload(ChangeGroundsPass.MaxRequestBytes, "/participants/confirm/{token}/grounds-pass?upload=too-large")]
    public Task<IActionResult> UploadPhotoByLink(string token, IFormFile? photo, [FromServices] ChangeGroundsPass.Handler change, [FromServices] ShowGroundsPass.Handler show) =>
        UploadAsync(ByLink(token), photo, change, show);

    [HttpPost("/participants/{participantId:int}/grounds-pass/identity")]
    public Task<IActionResult> GiveIdentity(int participantId, ChangeGroundsPass.IdentityForm form, [FromServices] ChangeGroundsPass.Handler change, [FromServices] ShowGroundsPass.Handler show) =>
        IdentityAsync(ById(participantId), form, change, show);

    [AllowAnonymous]
    [HttpPost("/participants/confirm/{token}/grounds-pass/identity")]
    public Task<IActionResult> GiveIdentityByLink(string token, ChangeGroundsPass.IdentityForm form, [FromServices] ChangeGroundsPass.Handler change, [FromServices] ShowGroundsPass.Handler show) =>
        IdentityAsync(ByLink(token), form, change, show);

    // Anonymous reaches the action, and finds nothing: a photo answers 404 to anyone who may not see it, never a sign-in page.
    [AllowAnonymous]
    [HttpGet("/participants/{participantId:int}/grounds-pass/photo.jpg")]
    public async Task<IActionResult> Photo(int participantId, [FromServices] ChangeGroundsPass.Handler handler, [FromServices] IFileStore store) =>
        ServePhoto(await handler.PhotoAsync(ById(participantId)), store);

    [AllowAnonymous]
    [HttpGet("/participants/confirm/{token}/grounds-pass/photo.jpg")]
    public async Task<IActionResult> PhotoByLink(string token, [FromServices] ChangeGroundsPass.Handler handler, [FromServices] IFileStore store) =>
        ServePhoto(await handler.PhotoAsync(ByLink(token)), store);

    /// <summary>The photo on a badge the viewer may see (<see cref="BadgeAccess"/>): the badge page, and the door's answer to a read.</summary>
    [AllowAnonymous]
    [HttpGet("/badges/{token}/photo.jpg")]
    public async Task<IActionResult> BadgePhoto(string token, [FromServices] SessionsDbContext db, [FromServices] IFileStore store)
    {
        // The door reads many badges a minute: the secretariat's read is one query; anyone else's is checked as a badge is.
        var viewer = Viewer;
        if (!BadgeAccess.LooksLikeToken(token) || (!viewer.IsSecretariat && await BadgeAccess.FindAsync(db, token, viewer, Core.Common.Languages.English) is null))
        {
            return NotFound();
        }

        var file = await (
                from p in db.Participants
                where p.BadgeToken == token && p.BadgeRevokedAt == null && p.Status == Core.Registration.ParticipantStatus.Approved
                join f in db.StoredFiles on p.PhotoFileId equals f.Id
                select f)
            .AsNoTracking()
            .SingleOrDefaultAsync();
        return ServePhoto(file, store);
    }

    private async Task<IActionResult> ShowAsync(ParticipantAccess reach, ShowGroundsPass.Handler handler)
    {
        NeverCache();
        if (await handler.HandleAsync(reach) is not { } model)
        {
            return NotFound();
        }

        if (Request.Query["upload"] == "too-large")
        {
            ModelState.AddModelError("photo", t["The file is larger than {0} MB.", GroundsPassPhoto.MaxBytes / (1024 * 1024)]);
        }

        return View(nameof(Show), model);
    }

    private async Task<IActionResult> UploadAsync(ParticipantAccess reach, IFormFile? photo, ChangeGroundsPass.Handler change, ShowGroundsPass.Handler show)
    {
        switch (await this.RunFormCommandAsync(() => change.UploadPhotoAsync(reach, photo), "photo", requireBinding: false))
        {
            case FormOutcome.Done:
                TempData["Success"] = t["The photo has been saved."].Value;
                return Redirect(ShowGroundsPass.LinkOf(reach));
            case FormOutcome.NotFound:
                return NotFound();
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return await ShowAsync(reach, show);
    }

    private async Task<IActionResult> IdentityAsync(ParticipantAccess reach, ChangeGroundsPass.IdentityForm form, ChangeGroundsPass.Handler change, ShowGroundsPass.Handler show)
    {
        switch (await this.RunFormCommandAsync(() => change.GiveIdentityAsync(reach, form), "identity", requireBinding: false))
        {
            case FormOutcome.Done:
                TempData["Success"] = t["The identity data has been saved."].Value;
                return Redirect(ShowGroundsPass.LinkOf(reach));
            case FormOutcome.NotFound:
                return NotFound();
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        NeverCache();
        if (await show.HandleAsync(reach) is not { } model)
        {
            return NotFound();
        }

        (model.Nationality, model.DocumentNumber, model.ExpiresOn) = (form.Nationality, form.DocumentNumber, form.ExpiresOn);
        return View(nameof(Show), model);
    }

    private IActionResult ServePhoto(StoredFile? file, IFileStore store)
    {
        if (file is null)
        {
            return NotFound();
        }

        NeverCache();
        Response.Headers.XContentTypeOptions = "nosniff";
        return new FileStreamResult(store.OpenRead(file), file.ContentType);
    }

    private void NeverCache()
    {
        Response.Headers.CacheControl = "no-store";
        Response.Headers.Pragma = "no-cache";
    }
}
