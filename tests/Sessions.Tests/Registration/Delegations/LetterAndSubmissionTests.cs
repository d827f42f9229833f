using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Registration;
using Sessions.Tests.Accounts;
using Sessions.Tests.Infrastructure;

namespace Sessions.Tests.Registration.Delegations;

public sealed class LetterAndSubmissionTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    [Fact]
    public async Task A_pdf_letter_is_kept_and_opens_in_the_browser()
    {
        var scenario = await factory.StartDelegationAsync();

        var response = await scenario.Client.UploadLetterAsync(scenario.DelegationId, TestPdf.Bytes(), "nomination letter.pdf");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.NotNull((await factory.DelegationAsync(scenario.DelegationId)).LetterFileId);
        Assert.Contains("nomination letter.pdf", await scenario.Client.GetPageTextAsync($"/delegations/{scenario.DelegationId}"));
        var letter = await scenario.Client.GetAsync($"/delegations/{scenario.DelegationId}/letter");
        Assert.Equal(HttpStatusCode.OK, letter.StatusCode);
        Assert.Equal("application/pdf", letter.Content.Headers.ContentType?.MediaType);
        Assert.Equal("inline", letter.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(TestPdf.Bytes(), await letter.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_letter_name_loses_its_path_and_bidi_override_on_the_page_and_in_the_download()
    {
        var scenario = await factory.StartDelegationAsync();

        await scenario.Client.UploadLetterAsync(scenario.DelegationId, TestPdf.Bytes(), "..\\..\\Xyzzy\\رسالة\u202Efdp.exe.pdf");

        var page = await scenario.Client.GetStringAsync($"/delegations/{scenario.DelegationId}");
        Assert.Contains("رسالةfdp.exe.pdf", page);
        Assert.DoesNotContain("\u202E", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Xyzzy", page);
        var letter = await scenario.Client.GetAsync($"/delegations/{scenario.DelegationId}/letter");
        Assert.Equal("رسالةfdp.exe.pdf", letter.Content.Headers.ContentDisposition?.FileNameStar);
    }

    [Fact]
    public async Task A_file_named_pdf_that_is_not_a_pdf_by_its_content_is_refused()
    {
        var scenario = await factory.StartDelegationAsync();

        var response = await scenario.Client.UploadLetterAsync(scenario.DelegationId, Encoding.UTF8.GetBytes("<html>not a letter</html>"), "letter.pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The file is not a PDF document.", await response.PageTextAsync());
        Assert.Null((await factory.DelegationAsync(scenario.DelegationId)).LetterFileId);
    }

    [Fact]
    public async Task An_empty_file_is_refused()
    {
        var scenario = await factory.StartDelegationAsync();

        var response = await scenario.Client.UploadLetterAsync(scenario.DelegationId, [], "letter.pdf");

        Assert.Contains("The file is empty.", await response.PageTextAsync());
        Assert.Null((await factory.DelegationAsync(scenario.DelegationId)).LetterFileId);
    }

    [Fact]
    public async Task A_pdf_larger_than_10_mb_is_refused()
    {
        var scenario = await factory.StartDelegationAsync();
        var big = new byte[(10 * 1024 * 1024) + 1];
        TestPdf.Bytes().CopyTo(big, 0);

        var response = await scenario.Client.UploadLetterAsync(scenario.DelegationId, big, "letter.pdf");

        Assert.Contains("The file is larger than 10 MB.", await response.PageTextAsync());
        Assert.Null((await factory.DelegationAsync(scenario.DelegationId)).LetterFileId);
    }

    [Fact]
    public async Task A_request_beyond_the_upload_limit_comes_back_to_the_page_with_the_size_message()
    {
        var scenario = await factory.StartDelegationAsync();
        var huge = new byte[13 * 1024 * 1024];
        TestPdf.Bytes().CopyTo(huge, 0);

        var response = await scenario.Client.UploadLetterAsync(scenario.DelegationId, huge, "letter.pdf");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("The file is larger than 10 MB.", await scenario.Client.GetPageTextAsync(response.Headers.Location!.OriginalString));
        Assert.Null((await factory.DelegationAsync(scenario.DelegationId)).LetterFileId);
    }

    [Fact]
    public async Task Submitting_needs_the_letter_and_at_least_one_participant()
    {
        var scenario = await factory.StartDelegationAsync();
        var url = $"/delegations/{scenario.DelegationId}/submit";
        var page = $"/delegations/{scenario.DelegationId}";

        var withoutLetter = await scenario.Client.PostPageFormAsync(url, new { }, page);
        Assert.Contains("Attach the letter before submitting the delegation.", await withoutLetter.PageTextAsync());

        await scenario.Client.UploadLetterAsync(scenario.DelegationId, TestPdf.Bytes());
        var withoutParticipant = await scenario.Client.PostPageFormAsync(url, new { }, page);
        Assert.Contains("Nominate at least one participant before submitting the delegation.", await withoutParticipant.PageTextAsync());
        Assert.Equal(RegistrationStatus.Draft, (await factory.DelegationAsync(scenario.DelegationId)).Status);

        await scenario.Client.NominateAsync(scenario.DelegationId, DelegationBuilders.NewEmail("head"));
        var submitted = await scenario.Client.PostPageFormAsync(url, new { }, page);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Equal(RegistrationStatus.Submitted, (await factory.DelegationAsync(scenario.DelegationId)).Status);
    }

    [Fact]
    public async Task The_delegation_page_shows_the_rejection_reason_and_the_deadlines_in_the_session_time_zone()
    {
        var deadline = new DateTime(DateTime.UtcNow.Year + 1, 3, 1, 15, 0, 0, DateTimeKind.Utc);
        var scenario = await factory.StartDelegationAsync(configure: s => s.NominationDeadline = deadline);
        await scenario.Client.UploadLetterAsync(scenario.DelegationId, TestPdf.Bytes());
        await scenario.Client.NominateAsync(scenario.DelegationId, DelegationBuilders.NewEmail("head"));
        await scenario.Client.PostPageFormAsync($"/delegations/{scenario.DelegationId}/submit", new { }, $"/delegations/{scenario.DelegationId}");
        await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Core.Data.SessionsDbContext>();
            var delegation = await db.Delegations.FindAsync(scenario.DelegationId);
            delegation!.Reject("secretariat", DateTime.UtcNow, "The letter is not signed.");
            await db.SaveChangesAsync();
        });

        var page = await scenario.Client.GetPageTextAsync($"/delegations/{scenario.DelegationId}");

        Assert.Contains("Rejected", page);
        Assert.Contains("The letter is not signed.", page);
        Assert.Contains("18:00", page); // 15:00 UTC is 18:00 in Nairobi
        Assert.Contains("Africa/Nairobi", page);
    }
}
