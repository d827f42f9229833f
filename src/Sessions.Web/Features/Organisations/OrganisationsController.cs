using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Sessions.Web.Infrastructure.Forms;
using Sessions.Web.Infrastructure.Localisation;
using Sessions.Web.Infrastructure.Security;

namespace Sessions.Web.Features.Organisations;

[Route("organisations")]
[Authorize(Policy = Policies.Secretariat)]
public sealed class OrganisationsController(IStringLocalizer<Text> t) : Controller
{
    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] ListOrganisations.Query query, [FromServices] ListOrganisations.Handler handler) =>
        View(await handler.HandleAsync(query, Cultures.Current));

    [HttpGet("export")]
    public async Task<IActionResult> Export([FromQuery] ListOrganisations.Query query, [FromServices] ExportOrganisations.Handler handler, [FromServices] TimeProvider clock)
    {
        var bytes = await handler.HandleAsync(query);
        return File(bytes, OrganisationSpreadsheet.ContentType, $"organisations-{clock.GetUtcNow():yyyy-MM-dd}.xlsx");
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id, [FromServices] OrganisationDetails.Handler handler) =>
        await handler.HandleAsync(id) is { } model ? View(model) : NotFound();

    [HttpGet("new")]
    public async Task<IActionResult> Create([FromServices] BodyChoices.Handler bodies) =>
        View(await WithBodiesAsync(new OrganisationForm(), bodies));

    [HttpPost("new")]
    public async Task<IActionResult> Create(OrganisationForm form, [FromServices] CreateOrganisation.Handler handler, [FromServices] BodyChoices.Handler bodies)
    {
        form.Validate(ModelState, t);
        CreateOrganisation.Result? result = null;
        if (await this.RunFormCommandAsync(async () => result = await handler.HandleAsync(form)) == FormOutcome.Done)
        {
            if (result!.Id is { } id)
            {
                TempData["Success"] = t["The organisation has been created."].Value;
                return RedirectToAction(nameof(Details), new { id });
            }

            form.Duplicates = result.Duplicates;
        }

        return View(await WithBodiesAsync(form, bodies));
    }

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, [FromServices] EditOrganisation.Handler handler, [FromServices] BodyChoices.Handler bodies) =>
        await handler.LoadAsync(id) is { } form ? View(await WithBodiesAsync(form, bodies)) : NotFound();

    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, OrganisationForm form, [FromServices] EditOrganisation.Handler handler, [FromServices] BodyChoices.Handler bodies)
    {
        form.Id = id;
        form.Validate(ModelState, t);
        EditOrganisation.Result? result = null;
        if (await this.RunFormCommandAsync(async () => result = await handler.HandleAsync(id, form)) == FormOutcome.Done)
        {
            switch (result!.Outcome)
            {
                case EditOrganisation.Outcome.NotFound:
                    return NotFound();
                case EditOrganisation.Outcome.Saved:
                    TempData["Success"] = t["Saved."].Value;
                    return RedirectToAction(nameof(Details), new { id });
                case EditOrganisation.Outcome.NameTaken:
                    form.Duplicates = result.Duplicates;
                    break;
                case EditOrganisation.Outcome.Conflict:
                    return await handler.LoadAsync(id) is { } current ? this.ShowCurrentVersion(nameof(Edit), await WithBodiesAsync(current, bodies)) : NotFound();
            }
        }

        return View(await WithBodiesAsync(form, bodies));
    }

    [HttpGet("import")]
    public IActionResult Import() => View();

    [HttpPost("import")]
    public async Task<IActionResult> Import(IFormFile? file, [FromServices] ImportOrganisations.Handler handler)
    {
        var id = Guid.Empty;
        return await this.RunFormCommandAsync(async () => id = await handler.UploadAsync(file, UserId), "file") == FormOutcome.Done
            ? RedirectToAction(nameof(ImportPreview), new { id })
            : View();
    }

    [HttpGet("import/{id:guid}")]
    public async Task<IActionResult> ImportPreview(Guid id, [FromServices] ImportOrganisations.Handler handler) =>
        await handler.PreviewAsync(id, UserId) is { } preview ? View(preview) : await ImportGoneAsync(id, handler);

    [HttpPost("import/{id:guid}")]
    [RequestFormLimits(ValueCountLimit = Core.Organisations.OrganisationImport.MaxRows + 100)]
    public async Task<IActionResult> ImportCommit(Guid id, int[] keep, [FromServices] ImportOrganisations.Handler handler)
    {
        ImportOrganisations.Summary? summary = null;
        switch (await this.RunFormCommandAsync(async () => (summary = await handler.CommitAsync(id, UserId, keep)) is not null))
        {
            case FormOutcome.NotFound:
                return await ImportGoneAsync(id, handler);
            case not FormOutcome.Done:
                return await handler.PreviewAsync(id, UserId) is { } preview ? View(nameof(ImportPreview), preview) : await ImportGoneAsync(id, handler);
        }

        var message = t["{0} organisations imported.", summary!.Imported].Value;
        if (summary.SkippedRows.Count > 0)
        {
            message += " " + t["{0} rows were not imported because an organisation with the same name, acronym or website was added meanwhile (rows {1}).", summary.SkippedRows.Count, string.Join(", ", summary.SkippedRows.Take(20))].Value;
        }

        TempData["Success"] = message;
        return RedirectToAction(nameof(Index));
    }

    /// <summary>A preview that is no more (imported, expired or interrupted) answers 404 with a page that asks for the file again.</summary>
    private async Task<IActionResult> ImportGoneAsync(Guid id, ImportOrganisations.Handler handler)
    {
        var result = View("ImportGone", await handler.GoneAsync(id, UserId));
        result.StatusCode = StatusCodes.Status404NotFound;
        return result;
    }

    private static async Task<OrganisationForm> WithBodiesAsync(OrganisationForm form, BodyChoices.Handler bodies)
    {
        form.Bodies = await bodies.HandleAsync();
        return form;
    }
}
