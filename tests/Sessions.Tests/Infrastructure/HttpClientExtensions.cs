using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Accounts;

namespace Sessions.Tests.Infrastructure;

public static partial class HttpClientExtensions
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    /// <summary>A client that keeps cookies and does not follow redirects, so tests can assert them.</summary>
    public static HttpClient CreateBrowser(this SessionsAppFactory factory, string? language = null)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }

        return client;
    }

    /// <summary>Reads the antiforgery token from the page's form, as a browser would.</summary>
    public static async Task<string> GetAntiforgeryTokenAsync(this HttpClient client, string pageUrl)
    {
        var html = await client.GetStringAsync(pageUrl);
        var match = AntiforgeryField().Match(html);
        if (!match.Success)
        {
            throw new InvalidOperationException($"No antiforgery token in the form of {pageUrl}.");
        }

        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>Posts a form the way a browser does: fetches <paramref name="formPageUrl"/> (default: the action URL) for its antiforgery token first.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields, string? formPageUrl = null)
    {
        var token = await client.GetAntiforgeryTokenAsync(formPageUrl ?? url);
        var content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token)));
        return await client.PostAsync(url, content);
    }

    public static Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, object fields, string? formPageUrl = null) =>
        client.PostFormAsync(url, ToFields(fields), formPageUrl);

    /// <summary>Posts a form as its confirmation page posts it again (a destructive or mass action acts only then).</summary>
    public static Task<HttpResponseMessage> PostConfirmedFormAsync(this HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields, string? formPageUrl = null) =>
        client.PostFormAsync(url, fields.Append(Confirmed), formPageUrl);

    public static Task<HttpResponseMessage> PostConfirmedFormAsync(this HttpClient client, string url, object fields, string? formPageUrl = null) =>
        client.PostConfirmedFormAsync(url, ToFields(fields), formPageUrl);

    public static readonly KeyValuePair<string, string> Confirmed = new("confirmed", "true");

    /// <summary>Posts a multipart form with one file, with the antiforgery token of <paramref name="formPageUrl"/>.</summary>
    public static async Task<HttpResponseMessage> PostFileAsync(this HttpClient client, string url, string fieldName, string fileName, byte[] bytes, string contentType, IEnumerable<KeyValuePair<string, string>>? fields = null, string? formPageUrl = null)
    {
        var token = await client.GetAntiforgeryTokenAsync(formPageUrl ?? url);
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(token), "__RequestVerificationToken");
        foreach (var (key, value) in fields ?? [])
        {
            content.Add(new StringContent(value), key);
        }

        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        content.Add(file, fieldName, fileName);
        return await client.PostAsync(url, content);
    }

    public static IEnumerable<KeyValuePair<string, string>> ToFields(object fields) =>
        fields.GetType().GetProperties().Select(p => new KeyValuePair<string, string>(p.Name, Convert.ToString(p.GetValue(fields), System.Globalization.CultureInfo.InvariantCulture) ?? ""));

    /// <summary>Creates a confirmed user with the role, and signs this client in as that user.</summary>
    public static async Task<User> SignInAsAsync(this HttpClient client, SessionsAppFactory factory, string role, string? email = null)
    {
        email ??= $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@test.sessions";
        const string password = "a-long-test-password";
        var user = await factory.CreateUserAsync(email, password, role);
        await client.SignInAsync(email, password);
        return user;
    }

    public static async Task SignInAsync(this HttpClient client, string email, string password)
    {
        var response = await client.PostFormAsync("/account/sign-in", new { Email = email, Password = password });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {email} failed: {(int)response.StatusCode}\n{await response.Content.ReadAsStringAsync()}");
        }
    }

    public static async Task<User> CreateUserAsync(this SessionsAppFactory factory, string email, string password, string? role, string language = "en")
    {
        return await factory.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<User>>();
            var user = new User { UserName = email, Email = email, EmailConfirmed = true, FullName = email.Split('@')[0], PreferredLanguage = language, CreatedAt = DateTime.UtcNow };
            var result = await users.CreateAsync(user, password);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
            }

            if (role is not null)
            {
                await users.AddToRoleAsync(user, role);
            }

            return user;
        });
    }
}
