using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Sessions.Core.Accounts;
using Sessions.Core.Data;
using Sessions.Core.Notices;
using Sessions.Web.Infrastructure.Email;

namespace Sessions.Tests.Notices;

/// <summary>End to end: a notice saved with a change goes out through Hangfire and MailKit to a real SMTP server on loopback.</summary>
public sealed class SmtpDeliveryTests(SmtpRelayFixture fixture) : IClassFixture<SmtpRelayFixture>
{
    [Theory]
    [InlineData("fr", "Amélie Dupré", "Votre mot de passe a été modifié", "Le mot de passe de votre compte Sessions vient d’être modifié.", "Madame, Monsieur Amélie Dupré,", "Le secrétariat")]
    [InlineData("ar", "أمينة الحسن", "تم تغيير كلمة مرورك", "تم للتو تغيير كلمة مرور حسابك على Sessions.", "عزيزي/عزيزتي أمينة الحسن،", "الأمانة")]
    [InlineData("zh", "李华", "您的密码已更改", "您的 Sessions 账户密码刚刚被更改。", "尊敬的李华：", "秘书处")]
    public async Task A_queued_notice_arrives_over_smtp_in_the_recipients_language(string language, string name, string subject, string paragraph, string greeting, string signature)
    {
        var address = $"{language}-{Guid.NewGuid():N}@example.org";

        var id = (await fixture.QueueAsync((address, name, language))).Single();

        var received = (await fixture.Relay.WaitForMessagesAsync(address)).Single();
        var row = (await fixture.WaitForRowsAsync([id])).Single();
        Assert.Equal(DeliveryStatus.Sent, row.Status);
        Assert.Equal(1, row.Attempts);
        Assert.NotNull(row.SentAt);
        Assert.Null(row.LeaseUntil);

        Assert.Equal([address], received.EnvelopeRecipients);
        Assert.Equal("no-reply@sessions.local", received.EnvelopeFrom);
        var message = received.Message;
        var to = Assert.Single(message.To.Mailboxes);
        Assert.Equal(address, to.Address);
        Assert.Equal(name, to.Name);
        Assert.Equal(subject, message.Subject);
        Assert.NotNull(message.Body);
        Assert.Equal(language, message.Body.Headers[HeaderId.ContentLanguage]);
        Assert.Contains($"\r\nContent-Language: {language}", received.HeaderBlock);
        Assert.Equal(row.MessageId, message.MessageId);
        Assert.False(string.IsNullOrEmpty(row.MessageId));

        Assert.Contains(greeting, message.TextBody);
        Assert.Contains(paragraph, message.TextBody);
        Assert.Contains(signature, message.TextBody);
        Assert.Contains($"<p>{greeting}</p>", message.HtmlBody);
        Assert.Contains($"<p>{paragraph}</p>", message.HtmlBody);
        Assert.Contains($"<p>{signature}</p>", message.HtmlBody);
        Assert.Contains($"lang=\"{language}\" dir=\"{(language == "ar" ? "rtl" : "ltr")}\"", message.HtmlBody);
    }

    [Fact]
    public async Task A_notice_is_not_written_when_the_change_that_causes_it_fails()
    {
        var address = $"atomic-{Guid.NewGuid():N}@example.org";
        var duplicate = $"DUPLICATE-{Guid.NewGuid():N}@EXAMPLE.ORG";

        // One unit of work: a notice, and two accounts with the same user name (a unique index refuses the second).
        await Assert.ThrowsAsync<DbUpdateException>(() => fixture.App.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            sp.GetRequiredService<NoticeWriter>().Queue(address, null, "en", NoticeKinds.AccountPasswordChanged, []);
            db.Users.Add(new User { UserName = duplicate, NormalizedUserName = duplicate, Email = duplicate, CreatedAt = DateTime.UtcNow });
            db.Users.Add(new User { UserName = duplicate.ToLowerInvariant(), NormalizedUserName = duplicate, Email = duplicate, CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }));

        var rows = await fixture.App.InScopeAsync(sp => sp.GetRequiredService<SessionsDbContext>().OutboundEmails.CountAsync(e => e.ToAddress == address));
        Assert.Equal(0, rows);
        Assert.Empty(fixture.Relay.MessagesTo(address));

        // The same notice with a change that succeeds is written, and sent.
        await fixture.QueueAsync((address, null, "en"));
        Assert.Single(await fixture.Relay.WaitForMessagesAsync(address));
    }
}
