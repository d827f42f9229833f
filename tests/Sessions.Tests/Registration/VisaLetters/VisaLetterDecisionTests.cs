using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Sessions.Core.Registration;
using Sessions.Tests.Accounts;
using Sessions.Tests.Infrastructure;
using static Sessions.Tests.Registration.VisaLetters.VisaLetterTestData;

namespace Sessions.Tests.Registration.VisaLetters;

/// <summary>The secretariat lists, approves and refuses requests; an approved one is a numbered letter in the session's working language.</summary>
public sealed class VisaLetterDecisionTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    private static string Attachment(MimeMessage message)
    {
        var part = Assert.Single(message.Attachments.OfType<MimePart>(), p => p.ContentType.IsMimeType("text", "html"));
        Assert.StartsWith("visa-letter-", part.FileName);
        using var stream = new MemoryStream();
        part.Content!.DecodeTo(stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public async Task An_approved_request_is_a_numbered_letter_in_english_sent_in_the_participants_language()
    {
        var nominee = await factory.NomineeAsync(language: "es");
        var request = await factory.AskAsync(nominee);
        var symbol = await factory.WithDbAsync(db => db.Sessions.Where(s => s.Id == nominee.Scenario.SessionId).Select(s => s.Symbol).SingleAsync());
        var secretariat = await factory.SecretariatAsync();

        var review = await secretariat.GetPageTextAsync($"/visa-letters/{request.Id}");
        var response = await secretariat.ApproveAsync(request);

        Assert.Contains(PassportNumber, review);
        Assert.Contains("Geneva</span>, Switzerland", review);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var approved = await factory.RequestOfAsync(nominee.ParticipantId);
        Assert.Equal((VisaLetterStatus.Approved, 1, $"{symbol}/VISA/0001", "en"), (approved.Status, approved.ReferenceNumber, approved.Reference, approved.LetterLanguage));
        var message = await factory.WaitForMessageAsync(nominee.Email, m => m.Headers["X-Sessions-Notice"] == "visa.approved");
        Assert.Equal($"Su carta de apoyo para el visado para {symbol} ({symbol}/VISA/0001)", message.Subject);
        var letter = Attachment(message);
        Assert.Contains("<html lang=\"en\"", letter);
        Assert.Contains("Visa support letter", letter);
        Assert.Contains($"Reference: {symbol}/VISA/0001", letter);
        Assert.Contains($"holder of passport number {PassportNumber}", letter);
        Assert.Contains("a national of Kenya", letter);
        Assert.Contains("Amina Mohammed", letter);
        Assert.Contains("the consulate or embassy in Geneva, Switzerland", letter);
        Assert.Contains("@page", letter);

        var page = await factory.CreateBrowser("es").GetPageTextAsync(nominee.LinkPage + "/letter");
        Assert.Contains("/css/visa-letter.css", page);
        Assert.Contains($"data-reference=\"{symbol}/VISA/0001\"", page);
        Assert.Contains($"holder of passport number {PassportNumber}", page);
        Assert.Contains("Imprimir la carta", page);
        Assert.Contains($"holder of passport number {PassportNumber}", await secretariat.GetPageTextAsync($"/visa-letters/{request.Id}/letter"));
        Assert.Contains($"holder of passport number {PassportNumber}", await nominee.Scenario.Client.GetPageTextAsync(nominee.AccountPage + "/letter"));
    }

    [Fact]
    public async Task A_session_working_in_french_writes_its_letters_in_french()
    {
        var nominee = await factory.NomineeAsync(language: "en", configure: s => s.WorkingLanguage = "fr");
        var request = await factory.AskAsync(nominee);

        await (await factory.SecretariatAsync()).ApproveAsync(request);

        var message = await factory.WaitForMessageAsync(nominee.Email, m => m.Headers["X-Sessions-Notice"] == "visa.approved");
        Assert.StartsWith("Your visa support letter for", message.Subject);
        var letter = Attachment(message);
        Assert.Contains("<html lang=\"fr\"", letter);
        Assert.Contains("Lettre d’appui pour la demande de visa", letter);
        Assert.Contains($"titulaire du passeport numéro {PassportNumber}", letter);
        Assert.Contains("de nationalité : Kenya", letter);
        Assert.Contains("à Geneva, Suisse", letter);
        Assert.Contains("en qualité de Chef de délégation", letter);
        Assert.Contains("2 mars 1980", letter);
        Assert.Contains("lang=\"fr\"", await factory.CreateBrowser().GetStringAsync(nominee.LinkPage + "/letter"));
    }

    [Fact]
    public async Task A_refusal_needs_a_reason_and_tells_the_participant_in_their_language_who_may_then_ask_again()
    {
        var nominee = await factory.NomineeAsync(language: "ru");
        var request = await factory.AskAsync(nominee);
        var secretariat = await factory.SecretariatAsync();

        var withoutReason = await secretariat.PostFormAsync($"/visa-letters/{request.Id}/refuse", new { version = request.Version.ToString(), reason = " " }, $"/visa-letters/{request.Id}");
        var refused = await secretariat.PostConfirmedFormAsync(
            $"/visa-letters/{request.Id}/refuse", new { version = request.Version.ToString(), reason = "The passport copy is unreadable." }, $"/visa-letters/{request.Id}");

        Assert.Equal(HttpStatusCode.OK, withoutReason.StatusCode);
        Assert.Contains("Give the reason for the refusal: the participant reads it.", await withoutReason.PageTextAsync());
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        var decided = await factory.RequestOfAsync(nominee.ParticipantId);
        Assert.Equal((VisaLetterStatus.Refused, "The passport copy is unreadable.", null), (decided.Status, decided.RefusalReason, decided.Reference));
        var message = await factory.WaitForMessageAsync(nominee.Email, m => m.Headers["X-Sessions-Notice"] == "visa.refused");
        Assert.StartsWith("Ваша просьба о визовом письме поддержки", message.Subject);
        Assert.Contains("Причина: The passport copy is unreadable.", message.TextBody);
        Assert.Empty(message.Attachments);

        var again = await factory.AskAsync(nominee, "PZ9999999");
        Assert.Equal(VisaLetterStatus.Requested, again.Status);
        Assert.NotEqual(request.Id, again.Id);
    }

    [Fact]
    public async Task A_request_of_a_participant_withdrawn_since_cannot_be_approved_only_refused()
    {
        var nominee = await factory.NomineeAsync();
        var request = await factory.AskAsync(nominee);
        await nominee.Scenario.Client.PostConfirmedPageFormAsync(
            $"/delegations/{nominee.Scenario.DelegationId}/participants/{nominee.ParticipantId}/withdraw", new { }, $"/delegations/{nominee.Scenario.DelegationId}");

        var response = await (await factory.SecretariatAsync()).ApproveAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("This participant no longer holds a place in the delegation: refuse the request instead.", await response.PageTextAsync());
        Assert.Equal((VisaLetterStatus.Requested, null), ((await factory.RequestOfAsync(nominee.ParticipantId)).Status, (await factory.RequestOfAsync(nominee.ParticipantId)).Reference));
    }

    [Fact]
    public async Task Approvals_at_the_same_moment_take_sequential_references_with_no_gap_or_repeat()
    {
        const int count = 8;
        var first = await factory.NomineeAsync();
        var nominees = new List<Nominee> { first };
        for (var i = 1; i < count; i++)
        {
            // Two nominees per delegation, several delegations: the session's series counts them all.
            nominees.Add(i % 2 == 1
                ? await nominees[^1].Scenario.AnotherNomineeAsync(factory, familyName: $"Nominee{i}")
                : await factory.NomineeAsync(sessionId: first.Scenario.SessionId));
        }

        var requests = new List<VisaLetterRequest>();
        foreach (var nominee in nominees)
        {
            requests.Add(await factory.AskAsync(nominee, $"PN{nominee.ParticipantId:0000000}"));
        }

        var secretariats = new List<HttpClient>();
        for (var i = 0; i < 4; i++)
        {
            secretariats.Add(await factory.SecretariatAsync());
        }

        var responses = await Task.WhenAll(requests.Select((r, i) => secretariats[i % secretariats.Count].ApproveAsync(r)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var symbol = await factory.WithDbAsync(db => db.Sessions.Where(s => s.Id == first.Scenario.SessionId).Select(s => s.Symbol).SingleAsync());
        var issued = await factory.WithDbAsync(db => db.VisaLetterRequests.AsNoTracking().Where(r => r.SessionId == first.Scenario.SessionId)
            .OrderBy(r => r.ReferenceNumber).Select(r => new { r.ReferenceNumber, r.Reference }).ToListAsync());
        Assert.Equal(Enumerable.Range(1, count).Select(n => (int?)n), issued.Select(r => r.ReferenceNumber));
        Assert.Equal(Enumerable.Range(1, count).Select(n => $"{symbol}/VISA/{n:0000}"), issued.Select(r => r.Reference));
    }

    [Fact]
    public async Task The_secretariat_lists_a_sessions_requests_filtered_by_status()
    {
        var first = await factory.NomineeAsync();
        var second = await first.Scenario.AnotherNomineeAsync(factory, familyName: "Refused");
        await factory.AskAsync(first);
        var refused = await factory.AskAsync(second, "PR1111111");
        var secretariat = await factory.SecretariatAsync();
        await secretariat.PostConfirmedFormAsync($"/visa-letters/{refused.Id}/refuse", new { version = refused.Version.ToString(), reason = "Not needed." }, $"/visa-letters/{refused.Id}");
        var url = $"/sessions/manage/{first.Scenario.SessionId}/visa-letters";

        var all = await secretariat.GetPageTextAsync(url);
        var asked = await secretariat.GetPageTextAsync(url + "?status=Requested");
        var manage = await secretariat.GetStringAsync($"/sessions/manage/{first.Scenario.SessionId}");

        Assert.Contains("Amina Mohammed", all);
        Assert.Contains("Amina Refused", all);
        Assert.Contains("Amina Mohammed", asked);
        Assert.DoesNotContain("Amina Refused", asked);
        Assert.Contains($"href=\"{url}\"", manage);
    }
}
