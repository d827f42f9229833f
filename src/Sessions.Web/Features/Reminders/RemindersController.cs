using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sessions.Core.Common;
using Sessions.Web.Infrastructure.Localisation;
using Sessions.Web.Infrastructure.Security;

namespace Sessions.Web.Features.Reminders;

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
        string? problem = null;
        if (ModelState.IsValid)
        {
            try
            {
                if (!await handler.SaveAsync(sessionId, command))
                {
                    return NotFound();
                }

                TempData["Success"] = t["Saved."].Value;
                return Redirect($"/sessions/manage/{sessionId}/reminders#{command.Occasion}");
            }
            catch (DomainException e)
            {
                problem = t[e.Message, e.Arguments];
            }
            catch (DbUpdateConcurrencyException)
            {
                // The fresh values are shown; what this user typed is dropped, as the message says.
                var current = await handler.LoadAsync(sessionId);
                if (current is null)
                {
                    return NotFound();
                }

                current.Occasions.Single(o => o.Kind == command.Occasion).Problem =
                    t["Someone else changed this record while you were editing it. Review the current version below and apply your changes again."];
                return View(nameof(Index), current);
            }
        }
        else
        {
            problem = string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));
        }

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
