using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Accounts;
using Sessions.Core.Audit;
using Sessions.Core.Data;
using Sessions.Core.Registration;
using Sessions.Tests.Accounts;
using Sessions.Tests.Infrastructure;

namespace Sessions.Tests.Registration.Delegations;

/// <summary>
/// A participant's own account: created or signed in to from the invitation, linked by the verified address, every
/// participation under that address following; the secretariat sees and undoes a link.
/// </summary>
public sealed class ParticipantAccountTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    private const string Password = "a quiet river at dawn";

    [Fact]
    public async Task A_nominee_confirms_their_details_then_creates_an_account_from_the_invitation_and_is_linked_as_a_delegate()
    {
        var email = DelegationBuilders.NewEmail("nominee");
        var (_, participantId, token) = await NomineeAsync(email);
        var invited = factory.CreateBrowser();

        // The account comes after the details.
        Assert.Contains("Once your details are confirmed, create your account here", await invited.GetPageTextAsync(Link(token)));
        var early = await CreateAccountAsync(invited, token);
        Assert.Contains("Confirm your details first.", await early.PageTextAsync());
        Assert.Null((await factory.ParticipantAsync(participantId)).UserId);

        await ConfirmDetailsAsync(invited, token);
        var page = await invited.GetPageTextAsync(Link(token));
        Assert.Contains("Create my account", page);
        var created = await CreateAccountAsync(invited, token);

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var account = await AccountAsync(email);
        Assert.NotNull(account);
        Assert.True(account.EmailConfirmed); // the private link reached the person at that address
        Assert.Equal(account.Id, (await factory.ParticipantAsync(participantId)).UserId);
        Assert.True(await IsDelegateAsync(account));
        Assert.Contains("This participation is linked to your account.", await invited.GetPageTextAsync(Link(token)));
        Assert.Equal(HttpStatusCode.OK, (await invited.GetAsync("/account")).StatusCode); // signed in
    }

    [Fact]
    public async Task A_guessable_password_is_refused_on_the_invitation_and_no_account_is_created()
    {
        var email = DelegationBuilders.NewEmail("guessable");
        var (_, participantId, token) = await NomineeAsync(email);
        var invited = factory.CreateBrowser();
        await ConfirmDetailsAsync(invited, token);

        var refused = await CreateAccountAsync(invited, token, "password1234");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("This password is too common", await refused.PageTextAsync());
        Assert.Null(await AccountAsync(email));
        Assert.Null((await factory.ParticipantAsync(participantId)).UserId);
    }

    [Fact]
    public async Task A_nominee_with_an_account_signs_in_from_the_invitation_and_is_linked()
    {
        var email = DelegationBuilders.NewEmail("has-account");
        var account = await factory.CreateUserAsync(email, Password, role: null);
        var (_, participantId, token) = await NomineeAsync(email);
        var invited = factory.CreateBrowser();
        await ConfirmDetailsAsync(invited, token);
        var page = await invited.GetStringAsync(Link(token));
        Assert.Contains($"/account/sign-in?returnUrl={Uri.EscapeDataString(Link(token))}", page);

        var signedIn = await invited.PostFormAsync("/account/sign-in", new { Email = email, Password, ReturnUrl = Link(token) });

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(Link(token), signedIn.Headers.Location!.OriginalString);
        Assert.Equal(account.Id, (await factory.ParticipantAsync(participantId)).UserId);
        Assert.True(await IsDelegateAsync(account));
        Assert.Contains("This participation is linked to your account.", await invited.GetPageTextAsync(Link(token)));
    }

    [Fact]
    public async Task Every_participation_under_the_same_address_in_another_session_is_linked_with_the_first()
    {
        var email = DelegationBuilders.NewEmail("two-sessions");
        var (_, first, token) = await NomineeAsync(email);
        var (_, second, _) = await NomineeAsync(email);
        var invited = factory.CreateBrowser();
        await ConfirmDetailsAsync(invited, token);

        await CreateAccountAsync(invited, token);

        var account = await AccountAsync(email);
        Assert.Equal(account!.Id, (await factory.ParticipantAsync(first)).UserId);
        Assert.Equal(account.Id, (await factory.ParticipantAsync(second)).UserId);
    }

    [Fact]
    public async Task A_later_nomination_under_a_verified_address_is_linked_at_once()
    {
        var email = DelegationBuilders.NewEmail("later");
        var focalPoint = await factory.CreateUserAsync(email, Password, Roles.FocalPoint);

        var (_, participantId, _) = await NomineeAsync(email.ToUpperInvariant());

        Assert.Equal(focalPoint.Id, (await factory.ParticipantAsync(participantId)).UserId);
        var roles = await RolesAsync(focalPoint);
        Assert.Contains(Roles.FocalPoint, roles); // roles add up
        Assert.Contains(Roles.Delegate, roles);
    }

    [Fact]
    public async Task A_participant_whose_address_is_corrected_to_an_account_s_address_is_linked_and_loses_the_old_link()
    {
        var oldEmail = DelegationBuilders.NewEmail("old");
        var oldAccount = await factory.CreateUserAsync(oldEmail, Password, role: null);
        var newEmail = DelegationBuilders.NewEmail("new");
        var newAccount = await factory.CreateUserAsync(newEmail, Password, role: null);
        var (scenario, participantId, _) = await NomineeAsync(oldEmail);
        Assert.Equal(oldAccount.Id, (await factory.ParticipantAsync(participantId)).UserId);

        var edited = await scenario.Client.PostPageFormAsync(
            $"/delegations/{scenario.DelegationId}/participants/{participantId}/edit",
            DelegationBuilders.NominationForm(newEmail));

        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Equal(newAccount.Id, (await factory.ParticipantAsync(participantId)).UserId);
    }

    [Fact]
    public async Task A_corrected_address_gets_a_new_invitation_link_and_the_old_one_can_no_longer_make_an_account()
    {
        var mistyped = DelegationBuilders.NewEmail("mistyped");
        var (scenario, participantId, oldToken) = await NomineeAsync(mistyped);
        var holder = factory.CreateBrowser();
        await ConfirmDetailsAsync(holder, oldToken);
        var corrected = DelegationBuilders.NewEmail("corrected");

        var edited = await scenario.Client.PostPageFormAsync(
            $"/delegations/{scenario.DelegationId}/participants/{participantId}/edit",
            DelegationBuilders.NominationForm(corrected));

        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var participant = await factory.ParticipantAsync(participantId);
        Assert.NotEqual(oldToken, participant.ConfirmationToken);
        Assert.Equal(ParticipantStatus.Nominated, participant.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await holder.GetAsync(Link(oldToken))).StatusCode);
        var account = await holder.PostFormAsync($"{Link(oldToken)}/account",
            new Dictionary<string, string> { ["NewAccount.Password"] = Password, ["NewAccount.ConfirmPassword"] = Password }, "/account/sign-in");
        Assert.Equal(HttpStatusCode.NotFound, account.StatusCode);
        Assert.Null(await factory.WithDbAsync(db => db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Email == corrected)));
        var invitation = await factory.WaitForMessageAsync(corrected);
        Assert.Contains($"/participants/confirm/{participant.ConfirmationToken}", invitation.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_participant_link_opened_by_another_account_links_nothing()
    {
        var email = DelegationBuilders.NewEmail("invited");
        var (_, participantId, token) = await NomineeAsync(email);
        var other = factory.CreateBrowser();
        await ConfirmDetailsAsync(other, token);
        var intruder = await other.SignInAsAsync(factory, Roles.FocalPoint);

        Assert.Contains("but this invitation was sent to another address", await other.GetPageTextAsync(Link(token)));
        var link = await other.PostFormAsync($"{Link(token)}/link", new { }, Link(token));
        var create = await CreateAccountAsync(other, token);

        Assert.Equal(HttpStatusCode.OK, link.StatusCode);
        Assert.Contains($"You are signed in as {intruder.Email}, but this invitation was sent to another address.", await link.PageTextAsync());
        Assert.Contains("You are signed in to another account: sign out first", await create.PageTextAsync());
        Assert.Null((await factory.ParticipantAsync(participantId)).UserId);
        Assert.Null(await AccountAsync(email));
        Assert.False(await IsDelegateAsync(intruder));
    }

    [Fact]
    public async Task An_account_whose_address_is_not_verified_is_never_linked_until_it_is()
    {
        var email = DelegationBuilders.NewEmail("unverified");
        var account = await factory.CreateUserAsync(email, Password, role: null);
        await factory.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<User>>();
            var user = await users.FindByIdAsync(account.Id);
            user!.EmailConfirmed = false;
            await users.UpdateAsync(user);
        });

        var (_, participantId, _) = await NomineeAsync(email);
        Assert.Null((await factory.ParticipantAsync(participantId)).UserId);
        var refused = factory.CreateBrowser();
        await refused.PostFormAsync("/account/sign-in", new { Email = email, Password });
        Assert.Null((await factory.ParticipantAsync(participantId)).UserId);

        var code = await factory.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<User>>();
            return Web.Features.Accounts.Account.AccountNotices.Encode(await users.GenerateEmailConfirmationTokenAsync((await users.FindByIdAsync(account.Id))!));
        });
        var confirmed = await factory.CreateBrowser().GetPageTextAsync($"/account/confirm-email?userId={account.Id}&code={code}");

        Assert.Contains("your email address is confirmed", confirmed);
        Assert.Equal(account.Id, (await factory.ParticipantAsync(participantId)).UserId);
        Assert.True(await IsDelegateAsync(account));
    }

    [Fact]
    public async Task The_secretariat_sees_the_link_and_undoes_it_and_signing_in_again_does_not_link_it_again()
    {
        var email = DelegationBuilders.NewEmail("undone");
        var account = await factory.CreateUserAsync(email, Password, role: null);
        var (scenario, participantId, token) = await NomineeAsync(email);
        var secretariat = factory.CreateBrowser();
        await secretariat.SignInAsAsync(factory, Roles.Secretariat);
        var review = $"/registrations/{scenario.DelegationId}";
        Assert.Contains($"href=\"/admin/users/{account.Id}\"", await secretariat.GetStringAsync(review));
        Assert.Contains($"href=\"{review}\"", await secretariat.GetStringAsync($"/admin/users/{account.Id}"));

        var version = (await factory.ParticipantAsync(participantId)).Version;
        var undone = await secretariat.PostConfirmedFormAsync($"/registrations/participants/{participantId}/unlink", new { Version = version }, review);

        Assert.Equal(HttpStatusCode.Redirect, undone.StatusCode);
        var participant = await factory.ParticipantAsync(participantId);
        Assert.Null(participant.UserId);
        Assert.True(participant.AccountLinkUndone);
        Assert.Contains("Link undone by the secretariat", await secretariat.GetPageTextAsync(review));
        var audited = await factory.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(Participant) && a.EntityId == participantId.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Select(a => a.Changes).ToListAsync());
        Assert.Contains(audited, changes => changes.Contains(nameof(Participant.AccountLinkUndone), StringComparison.Ordinal));

        var person = factory.CreateBrowser();
        await person.SignInAsync(email, Password);
        Assert.Null((await factory.ParticipantAsync(participantId)).UserId);
        Assert.True(await IsDelegateAsync(account)); // the account keeps what it had

        // The person, acting from their own invitation, links it again.
        await ConfirmDetailsAsync(person, token);
        Assert.Contains("Link to my account", await person.GetPageTextAsync(Link(token)));
        var relinked = await person.PostFormAsync($"{Link(token)}/link", new { }, Link(token));
        Assert.Equal(HttpStatusCode.Redirect, relinked.StatusCode);
        Assert.Equal(account.Id, (await factory.ParticipantAsync(participantId)).UserId);
    }

    [Fact]
    public async Task Undoing_a_link_is_for_the_secretariat_only()
    {
        var email = DelegationBuilders.NewEmail("kept");
        await factory.CreateUserAsync(email, Password, role: null);
        var (scenario, participantId, _) = await NomineeAsync(email);
        var version = (await factory.ParticipantAsync(participantId)).Version;

        var response = await scenario.Client.PostConfirmedFormAsync($"/registrations/participants/{participantId}/unlink", new { Version = version }, $"/delegations/{scenario.DelegationId}");

        await scenario.Client.AssertForbiddenAsync(response);
        Assert.NotNull((await factory.ParticipantAsync(participantId)).UserId);
    }

    private static string Link(string token) => $"/participants/confirm/{token}";

    /// <summary>A focal point's delegation to a new session, with <paramref name="email"/> nominated.</summary>
    private async Task<(DelegationBuilders.DelegationScenario Scenario, int ParticipantId, string Token)> NomineeAsync(string email)
    {
        var scenario = await factory.StartDelegationAsync();
        var nominated = await scenario.Client.NominateAsync(scenario.DelegationId, email);
        Assert.Equal(HttpStatusCode.Redirect, nominated.StatusCode);
        var participant = (await factory.DelegationAsync(scenario.DelegationId)).Participants.Single();
        return (scenario, participant.Id, participant.ConfirmationToken);
    }

    private static async Task ConfirmDetailsAsync(HttpClient client, string token)
    {
        var confirmed = await client.PostPageFormAsync(Link(token), new
        {
            Title = "Ms.",
            GivenName = "Amina",
            FamilyName = "Mohammed",
            PreferredLanguage = "en",
            ConsentToPublicList = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
    }

    private static Task<HttpResponseMessage> CreateAccountAsync(HttpClient client, string token, string password = Password) =>
        client.PostFormAsync($"{Link(token)}/account", new Dictionary<string, string>
        {
            ["NewAccount.Password"] = password,
            ["NewAccount.ConfirmPassword"] = password,
        }, Link(token));

    private Task<User?> AccountAsync(string email) =>
        factory.InScopeAsync(sp => sp.GetRequiredService<UserManager<User>>().FindByEmailAsync(email));

    private async Task<bool> IsDelegateAsync(User account) => (await RolesAsync(account)).Contains(Roles.Delegate);

    private Task<IList<string>> RolesAsync(User account) =>
        factory.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<User>>();
            return await users.GetRolesAsync((await users.FindByIdAsync(account.Id))!);
        });
}
