using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Sessions.Core.Data;
using Sessions.Core.Notices;
using Sessions.Tests.Infrastructure;
using Sessions.Web.Infrastructure.Email;

namespace Sessions.Tests.Notices;

/// <summary>
/// Interop with an SMTP server we did not write: Debian's aiosmtpd, started by .ci/run, requiring STARTTLS with a
/// self-signed certificate. Real notices go through the real host, Hangfire and MailKit, and are read back from
/// the relay's Maildir.
/// </summary>
public sealed class RelayInteropTests
{
    private static InteropRelay Relay() => InteropRelay.FromEnvironment() ?? throw new InvalidOperationException(InteropRelay.MissingMessage);

    private static SessionsAppFactory App(InteropRelay relay, params (string Key, string? Value)[] tls)
    {
        var app = new SessionsAppFactory { SmtpPort = relay.Port };
        app.Settings["Smtp:Host"] = relay.Host;
        app.Settings["Smtp:Security"] = "StartTls";
        foreach (var (key, value) in tls)
        {
            app.Settings[key] = value;
        }

        return app;
    }

    private static async Task<long> QueueAsync(SessionsAppFactory app, string address, string name, string language)
    {
        var bodyId = await app.AddBodyAsync(prefix: BodyAndSessionBuilders.UniquePrefix());
        var sessionId = await app.AddSessionAsync(bodyId, new DateOnly(2026, 5, 4), title: "Second session of the Assembly");
        return await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            var session = await db.Sessions.AsNoTracking().SingleAsync(s => s.Id == sessionId);
            var values = NoticeValues.ForSession(session, $"http://localhost/sessions/{sessionId}").With(new NoticeValues { { "OrganisationName", "Test Organisation" } });
            var email = sp.GetRequiredService<NoticeWriter>().Queue(address, name, language, NoticeKinds.FreeForm, values);
            await db.SaveChangesAsync();
            return email.Id;
        });
    }

    private static async Task<OutboundEmail> WaitForRowAsync(SessionsAppFactory app, long id, Func<OutboundEmail, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var row = await app.WithDbAsync(db => db.OutboundEmails.AsNoTracking().SingleAsync(e => e.Id == id));
            if (done(row))
            {
                return row;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Row {id}: {row.Status}, attempts {row.Attempts}, {row.LastError}");
            }

            await Task.Delay(100);
        }
    }

    [InteropRelayFact]
    public async Task A_notice_goes_through_aiosmtpd_over_starttls_with_its_pinned_self_signed_certificate()
    {
        var relay = Relay();
        Assert.False(string.IsNullOrWhiteSpace(relay.Thumbprint), "SESSIONS_INTEROP_SMTP_THUMBPRINT is not set.");
        await using var app = App(relay, ("Smtp:CertificateThumbprint", relay.Thumbprint));
        var address = $"interop-fr-{Guid.NewGuid():N}@example.org";

        var id = await QueueAsync(app, address, "Amélie Dupré", "fr");

        var message = await relay.WaitForMessageAsync(address);
        var row = await WaitForRowAsync(app, id, r => r.Status == DeliveryStatus.Sent);
        Assert.Equal(row.Subject, message.Subject);
        Assert.EndsWith(" : information du secrétariat", message.Subject);
        Assert.Equal(row.MessageId, message.MessageId);
        Assert.Equal("fr", message.Body!.Headers[HeaderId.ContentLanguage]);
        Assert.Equal("Amélie Dupré", Assert.Single(message.To.Mailboxes).Name);
        Assert.Contains("Amélie Dupré", message.TextBody);
        Assert.Contains("Second session of the Assembly", message.TextBody);
        Assert.Contains("Amélie Dupré", message.HtmlBody);
        Assert.Contains("lang=\"fr\"", message.HtmlBody);
    }

    [InteropRelayFact]
    public async Task A_notice_in_arabic_goes_through_aiosmtpd_when_any_certificate_is_accepted_by_configuration()
    {
        var relay = Relay();
        await using var app = App(relay, ("Smtp:AcceptAnyCertificate", "true"));
        var address = $"interop-ar-{Guid.NewGuid():N}@example.org";

        var id = await QueueAsync(app, address, "أمينة الحسن", "ar");

        var message = await relay.WaitForMessageAsync(address);
        await WaitForRowAsync(app, id, r => r.Status == DeliveryStatus.Sent);
        Assert.Equal("ar", message.Body!.Headers[HeaderId.ContentLanguage]);
        Assert.Contains("أمينة الحسن", message.TextBody);
        Assert.Contains("dir=\"rtl\"", message.HtmlBody);
        Assert.Contains("الأمانة", message.HtmlBody);
    }

    [InteropRelayFact]
    public async Task Without_configuration_the_self_signed_certificate_is_refused_and_the_notice_waits_for_a_retry()
    {
        var relay = Relay();
        await using var app = App(relay);
        var address = $"interop-refused-{Guid.NewGuid():N}@example.org";

        var id = await QueueAsync(app, address, "Nobody", "en");

        var row = await WaitForRowAsync(app, id, r => r.Attempts > 0);
        Assert.Equal(DeliveryStatus.Pending, row.Status);
        Assert.Contains("not reachable", row.LastError);
    }
}
