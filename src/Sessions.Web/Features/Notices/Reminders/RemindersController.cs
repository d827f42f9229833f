using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Sessions.Web.Infrastructure.Forms;
using Sessions.Web.Infrastructure.Localisation;
using Sessions.Web.Infrastructure.Security;

namespace Sessions.Web.Features.Notices.Reminders;

/// <summary>The secretariat's settings of a session's reminders, under the session's management pages.</summary>
[Authorize(Policy = Policies.Secretariat)]
[Route("sessions/manage/{sessionId:int}/reminders")]
public sealed class RemindersController(IStringLocalizer<Text> t) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int sessionId, [FromServices] ReminderSettings.Handler handler)
    {
        var model = await handler.LoadAsync(sessionId);
        return model is null ? NotFound() : View(model);
    }

    [HttpPost("")]
    public async Task<IActionResult> Save(int sessionId, ReminderSettings.Command command, [FromServices] ReminderSettings.Handler handler)
    {
        switch (await this.RunFormCommandAsync(() => handler.SaveAsync(sessionId, command)))
        {
            case FormOutcome.Done:
                TempData["Success"] = t["Saved."].Value;
                return Redirect($"/sessions/manage/{sessionId}/reminders#{command.Occasion}");
            case FormOutcome.NotFound:
                return NotFound();
            case FormOutcome.ChangedMeanwhile:
                // The fresh values are shown; what this user typed is dropped, as the message says.
                var current = await handler.LoadAsync(sessionId);
                if (current is null)
                {
                    return NotFound();
                }

                current.Occasions.Single(o => o.Kind == command.Occasion).Problem = this.ChangedMeanwhile();
                return View(nameof(Index), current);
        }

        // Each occasion is its own form: the problem is shown on it rather than in a summary at the top.
        var problem = string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));

        var model = await handler.LoadAsync(sessionId);
        if (model is null)
        {
            return NotFound();
        }

        var occasion = model.Occasions.SingleOrDefault(o => o.Kind == command.Occasion);
        if (occasion is null)
        {
            return BadRequest();
        }

        // The form again with what was typed (its version kept, so a second try still detects a change in between).
        occasion.Form = command;
        occasion.Problem = problem;
        return View(nameof(Index), model);
    }
}
