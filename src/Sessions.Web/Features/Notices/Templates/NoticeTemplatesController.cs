using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Sessions.Core.Common;
using Sessions.Core.Notices;
using Sessions.Web.Infrastructure.Forms;
using Sessions.Web.Infrastructure.Localisation;
using Sessions.Web.Infrastructure.Security;

namespace Sessions.Web.Features.Notices.Templates;

/// <summary>
/// The secretariat's wording of each kind of notice. Its own controller beside the delivery log's so the
/// two can change apart; its views are in this folder and named by path.
/// </summary>
[Authorize(Policy = Policies.Secretariat)]
[Route("notices/templates")]
public sealed class NoticeTemplatesController(EditTemplate.Handler edit, IStringLocalizer<Text> t) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] ListTemplates.Handler list, CancellationToken cancellationToken) =>
        View("/Features/Notices/Templates/Templates.cshtml", await list.HandleAsync(cancellationToken));

    [HttpGet("{kind}")]
    public async Task<IActionResult> Edit(string kind, CancellationToken cancellationToken)
    {
        if (NoticeKinds.Find(kind) is not { } found)
        {
            return NotFound();
        }

        return await EditViewAsync(found, await edit.LoadAsync(found, cancellationToken), null, cancellationToken);
    }

    [HttpPost("{kind}")]
    public async Task<IActionResult> Edit(string kind, EditTemplate.Command command, CancellationToken cancellationToken)
    {
        if (NoticeKinds.Find(kind) is not { } found)
        {
            return NotFound();
        }

        switch (await edit.SaveAsync(found, command, User.FindFirstValue(ClaimTypes.NameIdentifier)!, ModelState, cancellationToken))
        {
            case EditTemplate.Outcome.Saved:
                TempData["Success"] = t["Saved."].Value;
                return Redirect($"/notices/templates/{found.Key}");
            case EditTemplate.Outcome.Conflict:
                return await ConflictViewAsync(found, cancellationToken);
            default:
                return await EditViewAsync(found, command, null, cancellationToken);
        }
    }

    [HttpPost("{kind}/preview")]
    public async Task<IActionResult> Preview(string kind, EditTemplate.Command command, [FromServices] PreviewTemplate.Handler preview, CancellationToken cancellationToken)
    {
        if (NoticeKinds.Find(kind) is not { } found)
        {
            return NotFound();
        }

        // The same checks as a save, shown beside the preview; nothing is saved.
        edit.Validate(found, command, ModelState);
        var result = await preview.HandleAsync(found, command, ModelState, cancellationToken);
        return await EditViewAsync(found, command, result, cancellationToken);
    }

    [HttpPost("{kind}/restore")]
    public async Task<IActionResult> Restore(string kind, string language, Guid? version, CancellationToken cancellationToken)
    {
        if (NoticeKinds.Find(kind) is not { } found || !Languages.IsSupported(language))
        {
            return NotFound();
        }

        if (await edit.RestoreAsync(found, language, version, cancellationToken) == EditTemplate.Outcome.Conflict)
        {
            return await ConflictViewAsync(found, cancellationToken);
        }

        TempData["Success"] = t["The built-in wording is restored in {0}.", Cultures.Endonym(language)].Value;
        return Redirect($"/notices/templates/{found.Key}");
    }

    private async Task<IActionResult> ConflictViewAsync(NoticeKind kind, CancellationToken cancellationToken)
    {
        var current = await edit.ModelAsync(kind, await edit.LoadAsync(kind, cancellationToken), null, cancellationToken);
        return this.ShowCurrentVersion("/Features/Notices/Templates/EditTemplate.cshtml", current);
    }

    private async Task<IActionResult> EditViewAsync(NoticeKind kind, EditTemplate.Command command, PreviewTemplate.Result? preview, CancellationToken cancellationToken) =>
        View("/Features/Notices/Templates/EditTemplate.cshtml", await edit.ModelAsync(kind, command, preview, cancellationToken));
}
