using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Data;
using Sessions.Core.Notices;
using Sessions.Tests.Infrastructure;
using Sessions.Web.Infrastructure.Email;

namespace Sessions.Tests.Notices;

public sealed class OutboxTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    [Fact]
    public async Task A_queued_notice_is_written_to_the_pickup_folder_in_the_recipients_language()
    {
        _ = factory.Server;
        await factory.InScopeAsync(async sp =>
        {
            var notices = sp.GetRequiredService<NoticeWriter>();
            notices.Queue("amina@example.org", "Amina", "fr", NoticeKinds.AccountPasswordChanged, []);
            await sp.GetRequiredService<SessionsDbContext>().SaveChangesAsync();
        });

        var message = await factory.WaitForMessageAsync("amina@example.org");
        Assert.Equal("Votre mot de passe a été modifié", message.Subject);
        Assert.Contains("Amina", message.TextBody);
        Assert.Contains("<p>Le mot de passe de votre compte Sessions vient d’être modifié.</p>", message.HtmlBody);
        var row = await factory.InScopeAsync(sp => sp.GetRequiredService<SessionsDbContext>().OutboundEmails.SingleAsync(e => e.ToAddress == "amina@example.org"));
        Assert.Equal(DeliveryStatus.Sent, row.Status);
        Assert.Equal(message.MessageId, row.MessageId);
    }
}
