using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Notices;
using Sessions.Web.Features.Notices.Campaigns;

namespace Sessions.Tests.Infrastructure;

/// <summary>Bulk notices written, sent and followed through the app's own pages, and read back from its database.</summary>
public static partial class CampaignBuilders
{
    [GeneratedRegex("""class="audience-count visually-hidden">(\d+)<""")]
    private static partial Regex AudienceCount();

    /// <summary>
    /// The compose form's fields: the kind's built-in wording unless <paramref name="texts"/> gives a language's
    /// (subject, text); filters by enum member names.
    /// </summary>
    public static List<KeyValuePair<string, string>> CampaignFields(
        NoticeKind kind,
        int? sessionId,
        int? meetingId = null,
        string recipients = "Both",
        IEnumerable<string>? capacities = null,
        IEnumerable<string>? delegationStatuses = null,
        IEnumerable<string>? participantStatuses = null,
        IEnumerable<string>? categories = null,
        IReadOnlyDictionary<string, (string Subject, string Body)>? texts = null)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Kind", kind.Key),
            new("SessionId", sessionId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ""),
            new("MeetingId", meetingId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ""),
            new("Recipients", recipients),
        };
        fields.AddRange((capacities ?? []).Select(v => new KeyValuePair<string, string>("Capacities", v)));
        fields.AddRange((delegationStatuses ?? []).Select(v => new KeyValuePair<string, string>("DelegationStatuses", v)));
        fields.AddRange((participantStatuses ?? []).Select(v => new KeyValuePair<string, string>("ParticipantStatuses", v)));
        fields.AddRange((categories ?? []).Select(v => new KeyValuePair<string, string>("OrganisationCategories", v)));
        texts ??= new Dictionary<string, (string, string)>
        {
            [Languages.English] = ("{SessionSymbol}: information", "Dear {RecipientName},\n\nA notice about {SessionTitle}.\n\nThe secretariat"),
        };
        var index = 0;
        foreach (var (language, (subject, body)) in texts)
        {
            fields.Add(new($"Texts[{index}].Language", language));
            fields.Add(new($"Texts[{index}].Subject", subject));
            fields.Add(new($"Texts[{index}].Body", body));
            index++;
        }

        return fields;
    }

    /// <summary>Saves a draft through the compose page and returns its id.</summary>
    public static async Task<int> ComposeCampaignAsync(this HttpClient client, List<KeyValuePair<string, string>> fields)
    {
        var response = await client.PostFormAsync("/notices/campaigns/new", fields, "/notices/campaigns/new");
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"The draft was refused: {(int)response.StatusCode}\n{await response.Content.ReadAsStringAsync()}");
        }

        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The number of addresses the campaign's page says it will reach.</summary>
    public static async Task<int> ShownAudienceCountAsync(this HttpClient client, int campaignId)
    {
        var html = await client.GetStringAsync($"/notices/campaigns/{campaignId}");
        var match = AudienceCount().Match(html);
        return match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
    }

    /// <summary>Presses "Send now" on the campaign's page.</summary>
    public static Task<HttpResponseMessage> SendCampaignNowAsync(this HttpClient client, int campaignId) =>
        client.PostConfirmedPageFormAsync($"/notices/campaigns/{campaignId}/send", new { }, $"/notices/campaigns/{campaignId}");

    public static Task<NoticeCampaign> CampaignAsync(this SessionsAppFactory factory, int id) =>
        factory.WithDbAsync(db => db.NoticeCampaigns.AsNoTracking().Include(c => c.Texts).SingleAsync(c => c.Id == id));

    public static Task<List<OutboundEmail>> CampaignRowsAsync(this SessionsAppFactory factory, int id) =>
        factory.WithDbAsync(db => db.OutboundEmails.AsNoTracking().Where(e => e.CampaignId == id).OrderBy(e => e.Id).ToListAsync());

    /// <summary>The addresses the campaign's filters reach now, de-duplicated, as the queueing job reads them.</summary>
    public static Task<List<string>> AudienceAddressesAsync(this SessionsAppFactory factory, int id) =>
        factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            var campaign = await db.NoticeCampaigns.AsNoTracking().SingleAsync(c => c.Id == id);
            var rows = await Audience.Query(db, campaign.SessionId, campaign.Audience).ToListAsync();
            return Audience.Distinct(rows).Select(m => m.Email).ToList();
        });

    /// <summary>Polls (up to 20 s) until the campaign is in <paramref name="status"/>.</summary>
    public static async Task<NoticeCampaign> WaitForCampaignAsync(this SessionsAppFactory factory, int id, CampaignStatus status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var campaign = await factory.CampaignAsync(id);
            if (campaign.Status == status)
            {
                return campaign;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Campaign {id} is {campaign.Status}, not {status}.");
            }

            await Task.Delay(50);
        }
    }
}
