using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Accounts;
using Sessions.Core.Data;
using Sessions.Tests.Infrastructure;

namespace Sessions.Tests.Accounts.Account;

/// <summary>Every way of choosing a password refuses the common ones and those that hold the address's name.</summary>
public sealed class GuessablePasswordTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    public static readonly TheoryData<string, string, string> Refusals = new()
    {
        { "en", "password1234", "This password is too common" },
        { "en", "123456789012", "This password is too common" },
        { "fr", "PassWord1234", "Ce mot de passe est trop courant" },
        { "ar", "qwerty123456", "كلمة المرور هذه شائعة جدًا" },
        { "en", "amina.diallo-in-2026", "The password must not contain the part of your email address before the @" },
        { "es", "AminaDiallo-in-2026", "La contraseña no debe contener la parte de su dirección de correo electrónico anterior a la @" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Registration_refuses_a_guessable_password_in_the_users_language(string language, string password, string message)
    {
        var email = $"amina.diallo@{Guid.NewGuid():N}.example.org";
        var response = await factory.CreateBrowser(language).PostFormAsync("/account/register", new
        {
            FullName = "Amina Diallo",
            Email = email,
            Password = password,
            ConfirmPassword = password,
            PreferredLanguage = language,
            NewOrganisation = "true",
            OrganisationName = $"Réseau {Guid.NewGuid():N}",
            OrganisationLanguage = "fr",
            OrganisationCategory = "Foundation",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.PageTextAsync();
        Assert.Contains(message, html);
        Assert.Contains("value=\"Amina Diallo\"", html);
        Assert.Equal(0, await factory.InScopeAsync(sp => sp.GetRequiredService<SessionsDbContext>().Users.CountAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task A_password_change_refuses_a_common_password()
    {
        var client = factory.CreateBrowser("ru");
        await client.SignInAsAsync(factory, Roles.FocalPoint);

        var refused = await client.PostFormAsync("/account/change-password", new { CurrentPassword = "a-long-test-password", NewPassword = "password1234", ConfirmNewPassword = "password1234" });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Этот пароль слишком распространен", await refused.PageTextAsync());
    }

    [Fact]
    public async Task A_password_reset_refuses_a_password_holding_the_name_of_the_address()
    {
        var email = $"joseph.mwangi@{Guid.NewGuid():N}.example.org";
        await factory.CreateUserAsync(email, AccountTestData.Password, Roles.FocalPoint, "zh");
        var client = factory.CreateBrowser("zh");
        await client.PostFormAsync("/account/forgot-password", new { Email = email });
        var link = (await factory.WaitForMessageAsync(email)).LinkTo("/account/reset-password");
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(new Uri("http://localhost"), link).Query);

        var refused = await client.PostFormAsync("/account/reset-password", new { UserId = query["userId"].ToString(), Code = query["code"].ToString(), Password = "Joseph.Mwangi.Nairobi", ConfirmPassword = "Joseph.Mwangi.Nairobi" }, link);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("密码不得包含您电子邮件地址中 @ 之前的部分", await refused.PageTextAsync());
        await factory.CreateBrowser("en").SignInAsync(email, AccountTestData.Password);
    }

    [Fact]
    public void The_first_secretariat_account_is_not_created_with_a_common_password()
    {
        using var host = new SessionsAppFactory();
        host.Settings["Sessions:Admin:Password"] = "password1234";

        var error = Assert.Throws<InvalidOperationException>(() => host.Server);

        Assert.Contains("Could not create the first secretariat account", error.Message);
        Assert.Contains("among the most common passwords", error.Message);
    }
}
