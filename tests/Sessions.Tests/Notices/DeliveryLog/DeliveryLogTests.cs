using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Accounts;
using Sessions.Core.Data;
using Sessions.Core.Notices;
using Sessions.Tests.Infrastructure;
using Sessions.Web.Infrastructure.Email;

namespace Sessions.Tests.Notices.DeliveryLog;

/// <summary>The secretariat's delivery log at /notices and its Resend button.</summary>
public sealed class DeliveryLogTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    /// <summary>Queues notices to the addresses in one SaveChanges; the ones listed in <paramref name="failed"/> are saved as Failed already.</summary>
    private async Task<long[]> QueueAsync(NoticeKind kind, IEnumerable<string> addresses, params string[] failed)
    {
        return await factory.InScopeAsync(async sp =>
        {
            var writer = sp.GetRequiredService<NoticeWriter>();
            var rows = addresses.Select(a =>
            {
                var row = writer.Queue(a, null, "fr", kind, []);
                if (failed.Contains(a))
                {
                    (row.Status, row.Attempts, row.LastError) = (DeliveryStatus.Failed, 3, "550 5.1.1 mailbox unavailable");
                }

                return row;
            }).ToList();
            await sp.GetRequiredService<SessionsDbContext>().SaveChangesAsync();
            return rows.Select(r => r.Id).ToArray();
        });
    }

    private Task<OutboundEmail> RowAsync(long id) =>
        factory.InScopeAsync(sp => sp.GetRequiredService<SessionsDbContext>().OutboundEmails.AsNoTracking().SingleAsync(e => e.Id == id));

    /// <summary>The message is written before its row is marked sent: wait (up to 20 s) for the mark.</summary>
    private async Task<OutboundEmail> RowOnceSentAsync(long id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        var row = await RowAsync(id);
        while (row.Status != DeliveryStatus.Sent && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            row = await RowAsync(id);
        }

        return row;
    }

    private async Task<HttpClient> SecretariatAsync(string? language = null)
    {
        var client = factory.CreateBrowser(language);
        await client.SignInAsAsync(factory, Roles.Secretariat);
        return client;
    }

    private static async Task<string> PageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Secretariat_sees_the_outbox_newest_first_with_localised_statuses()
    {
        var token = Guid.NewGuid().ToString("N");
        var (older, newer) = ($"older-{token}@example.org", $"newer-{token}@example.org");
        await QueueAsync(NoticeKinds.AccountPasswordChanged, [older], failed: older);
        await QueueAsync(NoticeKinds.AccountPasswordChanged, [newer], failed: newer);
        var client = await SecretariatAsync("fr");

        var html = await PageAsync(client, $"/notices?search={token}");

        Assert.Contains("Journal d’envoi", html);
        Assert.True(html.IndexOf(newer, StringComparison.Ordinal) < html.IndexOf(older, StringComparison.Ordinal), "The newest notice comes first.");
        Assert.Contains("Échec", html);
        Assert.Contains("550 5.1.1 mailbox unavailable", html);
        Assert.Contains("Votre mot de passe a été modifié", html);
        Assert.Contains("Renvoyer", html);
    }

    [Fact]
    public async Task The_log_filters_by_status_kind_and_address()
    {
        var token = Guid.NewGuid().ToString("N");
        var kind = NoticeKinds.AccountPasswordChanged;
        var (failed, other, otherKind) = ($"failed-{token}@example.org", $"other-{token}@example.org", $"kind-{token}@example.org");
        await QueueAsync(kind, [failed, other], failed: [failed, other]);
        await QueueAsync(NoticeKinds.AccountDeactivated, [otherKind], failed: otherKind);
        await factory.InScopeAsync(sp => sp.GetRequiredService<SessionsDbContext>().OutboundEmails
            .Where(e => e.ToAddress == other).ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, DeliveryStatus.Sent)));
        var client = await SecretariatAsync();

        var byStatus = await PageAsync(client, $"/notices?status=Failed&search={token}");
        Assert.Contains(failed, byStatus);
        Assert.Contains(otherKind, byStatus);
        Assert.DoesNotContain(other, byStatus);

        var byKind = await PageAsync(client, $"/notices?kind={kind.Key}");
        Assert.Contains(failed, byKind);
        Assert.Contains(other, byKind);
        Assert.DoesNotContain(otherKind, byKind);

        var byAddress = await PageAsync(client, $"/notices?search=KIND-{token}");
        Assert.Contains(otherKind, byAddress);
        Assert.DoesNotContain(failed, byAddress);
    }

    [Fact]
    public async Task The_summary_counts_the_failed_notices()
    {
        await QueueAsync(NoticeKinds.AccountPasswordChanged, [$"count-{Guid.NewGuid():N}@example.org"], failed: []);
        var failedAddress = $"count-failed-{Guid.NewGuid():N}@example.org";
        await QueueAsync(NoticeKinds.AccountPasswordChanged, [failedAddress], failed: failedAddress);
        var expected = await factory.InScopeAsync(sp => sp.GetRequiredService<SessionsDbContext>().OutboundEmails.CountAsync(e => e.Status == DeliveryStatus.Failed));
        var client = await SecretariatAsync();

        var html = await PageAsync(client, "/notices");

        var count = Regex.Match(html, "status=Failed\">[^<]*<span class=\"delivery-count\">(\\d+)</span>");
        Assert.True(count.Success, "The summary shows the failed count.");
        Assert.Equal(expected, int.Parse(count.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task The_log_is_paginated()
    {
        var token = Guid.NewGuid().ToString("N");
        await QueueAsync(NoticeKinds.AccountPasswordChanged, Enumerable.Range(0, 55).Select(i => $"page{i:D2}-{token}@example.org"));
        var client = await SecretariatAsync();

        var first = await PageAsync(client, $"/notices?search={token}");
        var second = await PageAsync(client, $"/notices?search={token}&page=2");

        Assert.Equal(50, Regex.Matches(first, "id=\"notice-").Count);
        Assert.Contains("Page 1 of 2", first);
        Assert.Contains($"page54-{token}", first);
        Assert.Equal(5, Regex.Matches(second, "id=\"notice-").Count);
        Assert.Contains("Page 2 of 2", second);
        Assert.Contains($"page00-{token}", second);
    }

    [Fact]
    public async Task Resend_puts_a_failed_notice_back_in_the_queue_and_it_goes_out()
    {
        var address = $"resend-{Guid.NewGuid():N}@example.org";
        var id = (await QueueAsync(NoticeKinds.AccountPasswordChanged, [address], failed: address)).Single();
        var client = await SecretariatAsync();
        var page = $"/notices?status=Failed&search={address}";

        var response = await client.PostFormAsync($"/notices/{id}/resend", new { ReturnUrl = page }, page);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(page, response.Headers.Location?.OriginalString);
        Assert.Contains("The notice will be sent again in a moment.", await PageAsync(client, page));
        var message = await factory.WaitForMessageAsync(address);
        Assert.Equal("Votre mot de passe a été modifié", message.Subject);
        var row = await RowOnceSentAsync(id);
        Assert.Equal(DeliveryStatus.Sent, row.Status);
        Assert.Equal(1, row.Attempts);
        Assert.Null(row.LastError);
        Assert.Equal(message.MessageId, row.MessageId);
    }

    [Fact]
    public async Task Resend_refuses_a_notice_that_has_not_failed()
    {
        var (failed, sent) = ($"resend-failed-{Guid.NewGuid():N}@example.org", $"resend-sent-{Guid.NewGuid():N}@example.org");
        var ids = await QueueAsync(NoticeKinds.AccountPasswordChanged, [failed, sent], failed: failed);
        await factory.WaitForMessageAsync(sent);
        await RowOnceSentAsync(ids[1]);
        var client = await SecretariatAsync();

        var response = await client.PostFormAsync($"/notices/{ids[1]}/resend", new { ReturnUrl = "/notices" }, $"/notices?search={failed}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Only a notice that failed can be sent again.", await PageAsync(client, "/notices"));
        var row = await RowAsync(ids[1]);
        Assert.Equal(DeliveryStatus.Sent, row.Status);
        Assert.Equal(1, row.Attempts);
    }

    [Fact]
    public async Task Focal_point_can_neither_read_the_log_nor_resend()
    {
        var address = $"fp-{Guid.NewGuid():N}@example.org";
        var id = (await QueueAsync(NoticeKinds.AccountPasswordChanged, [address], failed: address)).Single();
        var client = factory.CreateBrowser();
        await client.SignInAsAsync(factory, Roles.FocalPoint);

        var page = await client.GetAsync("/notices");
        var resend = await client.PostAsync($"/notices/{id}/resend", new FormUrlEncodedContent([]));

        foreach (var response in new[] { page, resend })
        {
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden || response.Headers.Location?.OriginalString.Contains("/account/access-denied", StringComparison.Ordinal) == true,
                $"Got {(int)response.StatusCode} {response.Headers.Location}");
        }

        Assert.Equal(DeliveryStatus.Failed, (await RowAsync(id)).Status);
    }

    [Fact]
    public async Task Anonymous_visitor_is_sent_to_sign_in_from_the_log()
    {
        var response = await factory.CreateBrowser().GetAsync("/notices");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/sign-in", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task A_filter_that_makes_no_sense_shows_the_whole_log_instead_of_an_error()
    {
        var client = await SecretariatAsync();

        var html = await PageAsync(client, "/notices?status=Bogus&page=abc");

        Assert.Contains("Delivery log", html);
        Assert.Contains("All statuses", html);
    }
}
