using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sessions.Core.Common;
using Sessions.Web.Infrastructure.Localisation;

namespace Sessions.Web.Infrastructure.Forms;

public enum FormOutcome
{
    Done,
    NotFound,
    Refused,
    ChangedMeanwhile,
}

/// <summary>
/// The one way a form action runs its command: a rule's refusal lands on its field (the summary when the
/// action names none) and a concurrent edit puts <see cref="ChangedMeanwhileMessage"/> in the summary, both in
/// the user's language and with what was typed still in the model state, so the action only chooses what to show.
/// A form that did not bind is refused without running the command.
/// </summary>
public static class FormCommand
{
    public const string ChangedMeanwhileMessage = "Someone else changed this record while you were editing it. Review the current version below and apply your changes again.";

    public static Task<FormOutcome> RunFormCommandAsync(this ControllerBase controller, Func<Task> command, string field = "", bool requireBinding = true) =>
        controller.RunFormCommandAsync(async () =>
        {
            await command();
            return true;
        }, field, requireBinding);

    /// <summary>
    /// For a command that answers false when its record is not there (any more). <paramref name="requireBinding"/> is
    /// false for a form whose handler judges every field itself and whose read-only labels are not posted back.
    /// </summary>
    public static async Task<FormOutcome> RunFormCommandAsync(this ControllerBase controller, Func<Task<bool>> command, string field = "", bool requireBinding = true)
    {
        if (requireBinding && !controller.ModelState.IsValid)
        {
            return FormOutcome.Refused;
        }

        try
        {
            return await command() ? FormOutcome.Done : FormOutcome.NotFound;
        }
        catch (DomainException refusal)
        {
            controller.ModelState.AddDomainError(Localiser(controller), refusal, field);
            return FormOutcome.Refused;
        }
        catch (DbUpdateConcurrencyException)
        {
            controller.ModelState.AddModelError("", controller.ChangedMeanwhile());
            return FormOutcome.ChangedMeanwhile;
        }
    }

    /// <summary>For a command whose page comes after a redirect: the rule's refusal in the user's language, or null when the command went through.</summary>
    public static async Task<string?> RefusalOfAsync(this ControllerBase controller, Func<Task> command)
    {
        try
        {
            await command();
            return null;
        }
        catch (DomainException refusal)
        {
            return controller.Refusal(refusal);
        }
    }

    /// <summary>For a conflict: forgets what was typed, so the form shows the record as it is now, under the conflict message.</summary>
    public static ViewResult ShowCurrentVersion(this Controller controller, string viewName, object current)
    {
        controller.ModelState.Clear();
        controller.ModelState.AddModelError("", controller.ChangedMeanwhile());
        return controller.View(viewName, current);
    }

    /// <summary>A rule's refusal in the user's language, for actions that show it elsewhere than on the form (a notice after a redirect).</summary>
    public static string Refusal(this ControllerBase controller, DomainException refusal) =>
        Localiser(controller).Refusal(refusal);

    public static string ChangedMeanwhile(this ControllerBase controller) =>
        Localiser(controller)[ChangedMeanwhileMessage].Value;

    private static IStringLocalizer<Text> Localiser(ControllerBase controller) =>
        controller.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<Text>>();
}
