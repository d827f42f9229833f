using System.Net;
using Sessions.Core.Notices;
using Sessions.Tests.Infrastructure;
using static Sessions.Tests.Registration.VisaLetters.VisaLetterTestData;

namespace Sessions.Tests.Registration.VisaLetters;

/// <summary>The letter is worded by the secretariat's template, edited with the notice templates. A fixture of its own: the template is global.</summary>
public sealed class VisaLetterTemplateTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    [Fact]
    public async Task The_letter_follows_the_template_as_the_secretariat_edited_it()
    {
        var secretariat = await factory.SecretariatAsync();
        var fields = await factory.TemplateFieldsAsync(
            NoticeKinds.VisaLetter, "en", "Letter of invitation", "Ref. {Reference}\n\nWe invite {ParticipantName} ({Nationality}, passport {PassportNumber}) to {SessionTitle} at {SessionVenue}.");
        var saved = await secretariat.PostFormAsync($"/notices/templates/{NoticeKinds.VisaLetter.Key}", fields, $"/notices/templates/{NoticeKinds.VisaLetter.Key}");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var nominee = await factory.NomineeAsync();
        var request = await factory.AskAsync(nominee);

        await secretariat.ApproveAsync(request);

        var page = await factory.CreateBrowser().GetStringAsync(nominee.LinkPage + "/letter");
        Assert.Contains("<h1>Letter of invitation</h1>", page);
        Assert.Contains($"We invite Amina Mohammed (Kenya, passport {PassportNumber}) to", page);
        Assert.DoesNotContain("has the honour to confirm", page);
        var message = await factory.WaitForMessageAsync(nominee.Email, m => m.Headers["X-Sessions-Notice"] == "visa.approved");
        Assert.Contains(message.Attachments.OfType<MimeKit.MimePart>(), p => p.FileName?.StartsWith("visa-letter-", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task A_letter_template_naming_an_unknown_placeholder_is_refused()
    {
        var secretariat = await factory.SecretariatAsync();
        var fields = await factory.TemplateFieldsAsync(NoticeKinds.VisaLetter, "fr", "Lettre", "Le passeport {PassportSerial}.");

        var response = await secretariat.PostFormAsync($"/notices/templates/{NoticeKinds.VisaLetter.Key}", fields, $"/notices/templates/{NoticeKinds.VisaLetter.Key}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Unknown placeholder: {PassportSerial}", System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }
}
