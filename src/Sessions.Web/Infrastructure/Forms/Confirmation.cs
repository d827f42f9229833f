using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;

namespace Sessions.Web.Infrastructure.Forms;

/// <summary>
/// What a destructive or mass action will do, said before it is done: the question, its consequences as sentences
/// with the counts read from the data, the button that acts and where cancelling goes back to.
/// </summary>
public sealed record Confirmation(string Question, IReadOnlyList<string> Consequences, string Act, string CancelUrl)
{
    /// <summary>False for a mass action that is not destructive (approving many): its button is not red.</summary>
    public bool Destructive { get; init; } = true;

    /// <summary>Where the confirmed form posts: the address of the action asked for.</summary>
    public string Action { get; init; } = "";

    /// <summary>The values of the form that asked, posted again with the confirmation.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Fields { get; init; } = [];
}

/// <summary>
/// The confirmation step of every destructive or mass action, two posts of the same form without JavaScript: the
/// first, without <see cref="Field"/>, changes nothing and shows <see cref="Confirmation"/> with the values it
/// carried; the second, from that page, carries them again with <c>confirmed=true</c> and acts. An action never
/// acts on a post that was not confirmed, so a stale form or a script that skips the page changes nothing. The
/// record's version goes through both posts, so a second click on the confirmation is refused as a concurrent edit.
/// </summary>
public static class ConfirmationStep
{
    public const string Field = "confirmed";

    private const string View = "~/Features/Shared/Confirm.cshtml";

    public static bool IsConfirmed(this ControllerBase controller) =>
        controller.Request.HasFormContentType && controller.Request.Form.TryGetValue(Field, out var value) && value == "true";

    /// <summary>The confirmation page for this post; 404 when the record is not there for this user.</summary>
    public static async Task<IActionResult> AskToConfirmAsync(this Controller controller, Task<Confirmation?> confirmation)
    {
        if (await confirmation is not { } asked)
        {
            return controller.NotFound();
        }

        var request = controller.Request;
        var token = controller.HttpContext.RequestServices.GetRequiredService<IAntiforgery>().GetTokens(controller.HttpContext).FormFieldName;
        var fields = request.HasFormContentType
            ? request.Form.Where(f => f.Key != Field && f.Key != token)
                .SelectMany(f => f.Value.Select(v => KeyValuePair.Create(f.Key, v ?? "")))
                .ToList()
            : [];
        return controller.View(View, asked with { Action = request.Path + request.QueryString, Fields = fields });
    }
}
