using System.Net;
using System.Text;
using Sessions.Core.Accounts;
using Sessions.Tests.Infrastructure;

namespace Sessions.Tests.Platform;

/// <summary>Whatever a client sends, a malformed form is a 400 with the localised page, and the error page's status comes from its route only.</summary>
public sealed class BadInputTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    private const string Boundary = "----sessions-boundary";

    [Theory]
    [InlineData("200")]
    [InlineData("500")]
    public async Task A_posted_field_named_code_does_not_change_the_status_of_the_error_page(string code)
    {
        var client = factory.CreateBrowser("fr");

        // No antiforgery token: refused with 400, whose page is re-executed with the posted form still attached.
        var response = await client.PostAsync("/account/reset-password", new FormUrlEncodedContent([new("code", code), new("Email", "someone@test.sessions")]));

        await AssertLocalisedBadRequestAsync(response, "Requête incorrecte");
    }

    [Fact]
    public async Task A_nul_character_in_a_form_field_is_a_bad_request_with_the_localised_page()
    {
        var client = factory.CreateBrowser("es");

        var response = await client.PostFormAsync("/account/forgot-password", new { Email = "someone\0@test.sessions" });

        await AssertLocalisedBadRequestAsync(response, "Solicitud incorrecta");
    }

    [Fact]
    public async Task A_nul_character_in_a_field_of_a_multipart_form_is_a_bad_request_with_the_localised_page()
    {
        var client = factory.CreateBrowser("ru");
        await client.SignInAsAsync(factory, Roles.Secretariat);
        var token = await client.GetAntiforgeryTokenAsync("/organisations/import");
        var body = Field("__RequestVerificationToken", token) + Field("note", "a\0b") + FilePart("list.csv") + $"--{Boundary}--\r\n";

        var response = await client.PostAsync("/organisations/import", Multipart(body));

        await AssertLocalisedBadRequestAsync(response, "Неверный запрос");
    }

    [Theory]
    [InlineData("list\".csv")]
    [InlineData("li\r\nst.csv")]
    public async Task A_quote_or_line_break_that_breaks_the_file_name_of_an_upload_is_a_bad_request_with_the_localised_page(string fileName)
    {
        var client = factory.CreateBrowser("zh");
        await client.SignInAsAsync(factory, Roles.Secretariat);
        var token = await client.GetAntiforgeryTokenAsync("/organisations/import");
        var body = Field("__RequestVerificationToken", token) + FilePart(fileName) + $"--{Boundary}--\r\n";

        var response = await client.PostAsync("/organisations/import", Multipart(body));

        await AssertLocalisedBadRequestAsync(response, "错误的请求");
    }

    [Theory]
    [InlineData("li\rst.csv")]
    [InlineData("li\nst.csv")]
    [InlineData("our %22list%22.csv")]
    [InlineData("our \\\"list\\\".csv")]
    public async Task A_file_name_the_form_reader_can_read_is_taken_whatever_it_holds(string fileName)
    {
        var client = factory.CreateBrowser();
        await client.SignInAsAsync(factory, Roles.Secretariat);
        var token = await client.GetAntiforgeryTokenAsync("/organisations/import");
        // A lone CR or LF stays inside the header line; browsers send a quote as %22, other clients escape it.
        var body = Field("__RequestVerificationToken", token) + FilePart(fileName) + $"--{Boundary}--\r\n";

        var response = await client.PostAsync("/organisations/import", Multipart(body));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var preview = await client.GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
    }

    [Theory]
    [InlineData("/error/204", HttpStatusCode.NotFound)]
    [InlineData("/error/200", HttpStatusCode.NotFound)]
    [InlineData("/error/1000", HttpStatusCode.NotFound)]
    [InlineData("/error/403", HttpStatusCode.Forbidden)]
    public async Task The_error_page_asked_for_directly_answers_only_with_an_error_status(string path, HttpStatusCode expected)
    {
        var response = await factory.CreateBrowser().GetAsync(path);

        Assert.Equal(expected, response.StatusCode);
        Assert.NotEmpty(await response.Content.ReadAsStringAsync());
    }

    private static async Task AssertLocalisedBadRequestAsync(HttpResponseMessage response, string title)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(title, html);
        Assert.DoesNotContain("Exception", html);
    }

    private static string Field(string name, string value) =>
        $"--{Boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n";

    private static string FilePart(string fileName) =>
        $"--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{fileName}\"\r\nContent-Type: text/csv\r\n\r\nName,Category\nSome organisation,Other\n\r\n";

    private static ByteArrayContent Multipart(string body)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", $"multipart/form-data; boundary={Boundary}");
        return content;
    }
}
