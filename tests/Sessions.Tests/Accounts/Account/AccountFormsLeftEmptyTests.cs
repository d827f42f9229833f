using System.Net;
using Sessions.Tests.Infrastructure;

namespace Sessions.Tests.Accounts.Account;

/// <summary>A field left empty is bound as null: every anonymous account form says what is missing instead of failing.</summary>
public sealed class AccountFormsLeftEmptyTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    [Fact]
    public async Task Registering_with_the_email_left_empty_shows_the_field_error_and_keeps_what_was_typed()
    {
        var response = await factory.CreateBrowser("fr").PostFormAsync("/account/register", new
        {
            FullName = "Amina Diallo",
            Email = "",
            Password = AccountTestData.Password,
            ConfirmPassword = AccountTestData.Password,
            PreferredLanguage = "fr",
            NewOrganisation = "true",
            OrganisationName = "Réseau gardé tel quel",
            OrganisationAcronym = "RGT",
            OrganisationLanguage = "fr",
            OrganisationCategory = "Foundation",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.PageTextAsync();
        Assert.Contains("Saisissez votre adresse électronique.", html);
        Assert.Contains("value=\"Amina Diallo\"", html);
        Assert.Contains("value=\"Réseau gardé tel quel\"", html);
        Assert.Contains("value=\"RGT\"", html);
    }

    [Fact]
    public async Task Registering_with_every_field_left_empty_shows_each_field_error()
    {
        var response = await factory.CreateBrowser("es").PostFormAsync("/account/register", new
        {
            FullName = "",
            Email = "",
            Password = "",
            ConfirmPassword = "",
            PreferredLanguage = "",
            NewOrganisation = "true",
            OrganisationName = "",
            OrganisationLanguage = "",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.PageTextAsync();
        Assert.Contains("Introduzca su dirección de correo electrónico.", html);
    }

    public static readonly TheoryData<string, string> EmptyForms = new()
    {
        { "/account/sign-in", "Saisissez votre adresse électronique." },
        { "/account/forgot-password", "Saisissez votre adresse électronique." },
        { "/account/resend-confirmation", "Saisissez votre adresse électronique." },
    };

    [Theory]
    [MemberData(nameof(EmptyForms))]
    public async Task Every_anonymous_account_form_posted_empty_says_what_is_missing(string url, string message)
    {
        var response = await factory.CreateBrowser("fr").PostFormAsync(url, new { Email = "", Password = "" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.PageTextAsync());
    }

    [Fact]
    public async Task Resetting_a_password_with_the_fields_left_empty_says_what_is_missing()
    {
        const string link = "/account/reset-password?userId=x&code=y";
        var response = await factory.CreateBrowser("fr").PostFormAsync("/account/reset-password", new { UserId = "", Code = "", Password = "", ConfirmPassword = "" }, link);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Choisissez un mot de passe.", await response.PageTextAsync());
    }
}
