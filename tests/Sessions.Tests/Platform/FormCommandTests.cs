using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Common;
using Sessions.Tests.Infrastructure;
using Sessions.Web.Infrastructure.Forms;

namespace Sessions.Tests.Platform;

/// <summary>The one way a form action runs its command, over the host's real localiser.</summary>
public sealed class FormCommandTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    private const string Typed = "what the secretariat typed";

    [Fact]
    public async Task A_refused_rule_lands_on_the_field_the_action_names_in_the_users_language_and_keeps_what_was_typed()
    {
        using var culture = new CultureScope("fr");
        await using var scope = factory.Services.CreateAsyncScope();
        var form = FormPostedWith(scope, "Reason", Typed);

        var outcome = await form.RunFormCommandAsync(() => throw new DomainException("The file is larger than {0} MB.", 20), "Reason");

        Assert.Equal(FormOutcome.Refused, outcome);
        Assert.Equal("Le fichier dépasse 20 Mo.", Assert.Single(form.ModelState["Reason"]!.Errors).ErrorMessage);
        Assert.Equal(Typed, form.ModelState["Reason"]!.AttemptedValue);
        Assert.False(form.ModelState.ContainsKey(""));
    }

    [Fact]
    public async Task A_refused_rule_that_names_no_field_lands_in_the_summary()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var form = FormPostedWith(scope, "Reason", Typed);

        await form.RunFormCommandAsync(() => throw new DomainException("The file is larger than {0} MB.", 20));

        Assert.Equal("The file is larger than 20 MB.", Assert.Single(form.ModelState[""]!.Errors).ErrorMessage);
        Assert.Empty(form.ModelState["Reason"]!.Errors);
    }

    [Fact]
    public async Task Every_rule_a_check_finds_broken_lands_at_once_each_on_its_field_or_the_actions()
    {
        using var culture = new CultureScope("fr");
        await using var scope = factory.Services.CreateAsyncScope();
        var form = FormPostedWith(scope, "Reason", Typed);

        var outcome = await form.RunFormCommandAsync(() =>
        {
            var checks = new RuleChecks();
            checks.Check(() => throw new DomainException("The file is larger than {0} MB.", 20), "File");
            checks.Check(() => { });
            checks.Check(() => throw new DomainException("The file is larger than {0} MB.", 5));
            checks.ThrowIfAnyRefused();
            return Task.CompletedTask;
        }, "Reason");

        Assert.Equal(FormOutcome.Refused, outcome);
        Assert.Equal("Le fichier dépasse 20 Mo.", Assert.Single(form.ModelState["File"]!.Errors).ErrorMessage);
        Assert.Equal("Le fichier dépasse 5 Mo.", Assert.Single(form.ModelState["Reason"]!.Errors).ErrorMessage);
        Assert.Equal("Le fichier dépasse 20 Mo. Le fichier dépasse 5 Mo.", await form.RefusalOfAsync(() =>
        {
            var checks = new RuleChecks();
            checks.Check(() => throw new DomainException("The file is larger than {0} MB.", 20), "File");
            checks.Check(() => throw new DomainException("The file is larger than {0} MB.", 5));
            checks.ThrowIfAnyRefused();
            return Task.CompletedTask;
        }));
    }

    [Fact]
    public async Task A_concurrent_edit_puts_the_localised_conflict_in_the_summary_and_keeps_what_was_typed()
    {
        using var culture = new CultureScope("fr");
        await using var scope = factory.Services.CreateAsyncScope();
        var form = FormPostedWith(scope, "Reason", Typed);

        var outcome = await form.RunFormCommandAsync(() => throw new DbUpdateConcurrencyException());

        Assert.Equal(FormOutcome.ChangedMeanwhile, outcome);
        Assert.StartsWith("Quelqu’un d’autre a modifié cet enregistrement", Assert.Single(form.ModelState[""]!.Errors).ErrorMessage);
        Assert.Equal(Typed, form.ModelState["Reason"]!.AttemptedValue);
    }

    [Fact]
    public async Task The_current_version_is_shown_under_the_conflict_message_instead_of_what_was_typed()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var form = FormPostedWith(scope, "Reason", Typed);
        var current = new { Reason = "the version saved meanwhile" };

        var result = await form.RunFormCommandAsync(() => throw new DbUpdateConcurrencyException()) == FormOutcome.ChangedMeanwhile
            ? form.ShowCurrentVersion("Edit", current)
            : null;

        Assert.NotNull(result);
        Assert.Equal("Edit", result.ViewName);
        Assert.Same(current, result.Model);
        Assert.False(form.ModelState.ContainsKey("Reason"));
        Assert.Equal(FormCommand.ChangedMeanwhileMessage, Assert.Single(form.ModelState[""]!.Errors).ErrorMessage);
    }

    [Fact]
    public async Task A_form_that_did_not_bind_is_refused_without_running_the_command()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var form = FormPostedWith(scope, "Capacity", "many");
        form.ModelState.AddModelError("Capacity", "The value 'many' is not valid.");
        var ran = false;

        var outcome = await form.RunFormCommandAsync(() =>
        {
            ran = true;
            return Task.CompletedTask;
        });

        Assert.Equal(FormOutcome.Refused, outcome);
        Assert.False(ran);
    }

    [Fact]
    public async Task A_command_that_finds_no_record_answers_not_found_and_one_that_goes_through_answers_done()
    {
        await using var scope = factory.Services.CreateAsyncScope();

        Assert.Equal(FormOutcome.NotFound, await FormPostedWith(scope, "Reason", Typed).RunFormCommandAsync(() => Task.FromResult(false)));
        Assert.Equal(FormOutcome.Done, await FormPostedWith(scope, "Reason", Typed).RunFormCommandAsync(() => Task.FromResult(true)));
    }

    [Fact]
    public async Task A_command_answered_by_a_redirect_gets_the_refusal_in_the_users_language_or_nothing()
    {
        using var culture = new CultureScope("fr");
        await using var scope = factory.Services.CreateAsyncScope();
        var form = FormPostedWith(scope, "Reason", Typed);

        Assert.Equal("Le fichier dépasse 20 Mo.", await form.RefusalOfAsync(() => throw new DomainException("The file is larger than {0} MB.", 20)));
        Assert.Null(await form.RefusalOfAsync(() => Task.CompletedTask));
    }

    private static FormController FormPostedWith(AsyncServiceScope scope, string field, string value)
    {
        var form = new FormController { ControllerContext = new() { HttpContext = new DefaultHttpContext { RequestServices = scope.ServiceProvider } } };
        form.ModelState.SetModelValue(field, value, value);
        form.ModelState.MarkFieldValid(field);
        return form;
    }

    private sealed class FormController : Controller;
}
