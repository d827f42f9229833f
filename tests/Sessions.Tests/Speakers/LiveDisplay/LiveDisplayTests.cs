using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Accounts;
using Sessions.Core.Data;
using Sessions.Core.Registration;
using Sessions.Core.Speakers;
using Sessions.Tests.Infrastructure;

namespace Sessions.Tests.Speakers.LiveDisplay;

/// <summary>The public live display of a speakers list and its state endpoint, read anonymously through the real host.</summary>
public sealed partial class LiveDisplayTests(ClockedAppFactory factory) : IClassFixture<ClockedAppFactory>
{
    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"\sstyle=""|\son[a-z]+=""", RegexOptions.IgnoreCase)]
    private static partial Regex InlineStyleOrHandler();

    [GeneratedRegex(@"data-live=""timer-note""[^>]*>\s*(.*?)\s*</p>", RegexOptions.Singleline)]
    private static partial Regex TimerNoteElement();

    private static string TimerNote(string page) => TimerNoteElement().Match(page).Groups[1].Value;

    [Fact]
    public async Task Anyone_reads_the_state_with_the_speaker_the_timer_the_next_ones_and_the_last_three()
    {
        var seeded = await factory.AddListAsync(members: 8, observers: 2);
        var d = seeded.Delegations;
        for (var i = 0; i < 4; i++)
        {
            await factory.CallNextAndStartAsync(seeded.ListId);
            factory.Clock.Advance(TimeSpan.FromSeconds(30));
            await factory.ChangeListAsync(seeded.ListId, (list, now) => list.FinishSpeaking(list.Speaking!.Id, now));
        }

        await factory.CallNextAndStartAsync(seeded.ListId);
        factory.Clock.Advance(TimeSpan.FromSeconds(90));

        var state = await StateAsync(factory.CreateBrowser(), seeded.ListId);

        var current = state.GetProperty("current");
        Assert.Equal(d[4].Name, current.GetProperty("delegation").GetString());
        Assert.Equal("Statement", current.GetProperty("kind").GetString());
        Assert.Equal("Member of the body", current.GetProperty("capacity").GetString());
        var timer = current.GetProperty("timer");
        Assert.Equal(300_000, timer.GetProperty("allowedMs").GetInt64());
        Assert.Equal(90_000, timer.GetProperty("elapsedMs").GetInt64());
        Assert.True(timer.GetProperty("running").GetBoolean());
        Assert.Equal([d[5].Name, d[6].Name, d[7].Name, d[8].Name, d[9].Name], Names(state, "next"));
        Assert.Equal("Observer State", state.GetProperty("next")[3].GetProperty("capacity").GetString());
        Assert.Equal(5, state.GetProperty("waiting").GetInt32());
        Assert.Equal([d[3].Name, d[2].Name, d[1].Name], Names(state, "last"));
        Assert.Equal(30, state.GetProperty("last")[0].GetProperty("spokeForSeconds").GetInt32());
        Assert.Equal(JsonValueKind.Null, state.GetProperty("mine").ValueKind);
        Assert.Equal(("4", "General debate"), (state.GetProperty("agendaItemNumber").GetString(), state.GetProperty("agendaItemTitle").GetProperty("text").GetString()));
    }

    [Fact]
    public async Task A_paused_timer_stands_still_and_a_speaker_over_time_shows_a_negative_remainder_on_the_page()
    {
        var seeded = await factory.AddListAsync(members: 2);
        await factory.CallNextAndStartAsync(seeded.ListId);
        factory.Clock.Advance(TimeSpan.FromSeconds(20));
        await factory.ChangeListAsync(seeded.ListId, (list, now) => list.PauseTimer(list.Speaking!.Id, now));
        factory.Clock.Advance(TimeSpan.FromMinutes(10));
        var client = factory.CreateBrowser();

        var paused = (await StateAsync(client, seeded.ListId)).GetProperty("current").GetProperty("timer");
        Assert.Equal((20_001, false), (paused.GetProperty("elapsedMs").GetInt64(), paused.GetProperty("running").GetBoolean()));
        var pausedPage = await client.GetStringAsync($"/speakers/{seeded.ListId}/live");
        // 4:39.999 left: a clock counting down shows the second under way.
        Assert.Contains("<span dir=\"ltr\" data-live=\"timer-value\">04:40</span>", pausedPage);
        Assert.Equal("The timer is paused", TimerNote(pausedPage));

        await factory.ChangeListAsync(seeded.ListId, (list, now) => list.StartTimer(list.Speaking!.Id, now));
        factory.Clock.Advance(TimeSpan.FromSeconds(300));
        var page = await client.GetStringAsync($"/speakers/{seeded.ListId}/live");
        Assert.Contains("live-timer-over", page);
        Assert.Contains("data-elapsed-ms=\"320001\"", page);
        // 20.001 seconds over: a clock counting up shows only the whole seconds gone by.
        Assert.Contains("<span dir=\"ltr\" data-live=\"timer-value\">00:20</span>", page);
        Assert.Contains("Over the time allowed", page);
    }

    [Theory]
    [InlineData(100, true, "00:00")]
    [InlineData(1_100, true, "00:01")]
    [InlineData(61_999, true, "01:01")]
    [InlineData(-20_001, true, "00:20")]
    [InlineData(100, false, "00:01")]
    [InlineData(279_999, false, "04:40")]
    [InlineData(300_000, false, "05:00")]
    public void A_clock_counting_up_rounds_down_and_one_counting_down_rounds_up(long milliseconds, bool countsUp, string shown) =>
        Assert.Equal(shown, Sessions.Web.Features.Speakers.LiveDisplay.LiveState.Clock(milliseconds, countsUp));

    [Fact]
    public async Task A_speaker_given_the_floor_whose_timer_has_not_started_is_not_shown_as_paused()
    {
        var seeded = await factory.AddListAsync(members: 2);
        await factory.ChangeListAsync(seeded.ListId, (list, now) => list.CallNext(now));
        factory.Clock.Advance(TimeSpan.FromSeconds(30));

        var page = await factory.CreateBrowser().GetStringAsync($"/speakers/{seeded.ListId}/live");

        Assert.Contains("data-elapsed-ms=\"0\"", page);
        Assert.Contains("data-running=\"false\"", page);
        Assert.Contains("<span dir=\"ltr\" data-live=\"timer-value\">05:00</span>", page);
        Assert.Equal("The timer has not started", TimerNote(page));
    }

    [Fact]
    public async Task A_point_of_order_counts_up_in_whole_seconds_gone_by()
    {
        var seeded = await factory.AddListAsync(members: 2);
        await factory.ChangeListAsync(seeded.ListId, (list, now) =>
            list.Inscribe(new InscriptionRequest(seeded.Delegations[1].DelegationId, Capacity.Member, InscriptionKind.PointOfOrder, LevelOfRepresentation.Other), now));
        await factory.CallNextAndStartAsync(seeded.ListId);
        factory.Clock.Advance(TimeSpan.FromMilliseconds(61_500));

        var page = await factory.CreateBrowser().GetStringAsync($"/speakers/{seeded.ListId}/live");

        Assert.Contains("data-allowed-ms=\"\"", page);
        Assert.Contains("<span dir=\"ltr\" data-live=\"timer-value\">01:01</span>", page);
        Assert.Equal("Point of order: no time limit", TimerNote(page));
    }

    [Fact]
    public async Task A_right_of_reply_shows_its_round_in_the_state_and_on_the_page()
    {
        var seeded = await factory.AddListAsync(members: 1);
        var delegationId = seeded.Delegations[0].DelegationId;
        foreach (var round in new[] { ReplyRound.First, ReplyRound.Second })
        {
            await factory.ChangeListAsync(seeded.ListId, (list, now) =>
                list.Inscribe(new InscriptionRequest(delegationId, Capacity.Member, InscriptionKind.RightOfReply, LevelOfRepresentation.Other, ReplyRound: round), now));
        }

        var state = await StateAsync(factory.CreateBrowser(), seeded.ListId);
        var kinds = state.GetProperty("next").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["Statement", "Right of reply (First reply)", "Right of reply (Second reply)"], kinds);

        var french = await StateAsync(factory.CreateBrowser("fr"), seeded.ListId);
        Assert.Equal("Droit de réponse (Première réponse)", french.GetProperty("next")[1].GetProperty("kind").GetString());

        var page = await factory.CreateBrowser().GetStringAsync($"/speakers/{seeded.ListId}/live");
        Assert.Contains("Right of reply (Second reply)", page);
    }

    [Fact]
    public async Task Whether_the_list_is_open_is_in_the_state_and_has_its_own_place_beside_the_connection_status()
    {
        var seeded = await factory.AddListAsync(members: 2);
        var client = factory.CreateBrowser();

        Assert.True((await StateAsync(client, seeded.ListId)).GetProperty("isOpen").GetBoolean());
        var open = await client.GetStringAsync($"/speakers/{seeded.ListId}/live");
        Assert.Contains("data-live=\"open\" data-open=\"true\">Delegations may still inscribe.</p>", open);
        Assert.Contains("<p class=\"live-connection mb-0\" data-live=\"connection\" role=\"status\" aria-live=\"polite\"></p>", open);
        Assert.Contains("data-text-closed=\"The list is closed: no new inscriptions.\"", open);

        await factory.ChangeListAsync(seeded.ListId, (list, now) => list.Close(now));

        Assert.False((await StateAsync(client, seeded.ListId)).GetProperty("isOpen").GetBoolean());
        var closed = await client.GetStringAsync($"/speakers/{seeded.ListId}/live");
        Assert.Contains("data-live=\"open\" data-open=\"false\">The list is closed: no new inscriptions.</p>", closed);
        Assert.Contains("data-text-open=\"Delegations may still inscribe.\"", closed);
    }

    [Fact]
    public async Task The_page_is_public_has_no_inline_script_or_style_and_loads_the_vendored_signalr_client()
    {
        var seeded = await factory.AddListAsync(members: 3);
        await factory.CallNextAndStartAsync(seeded.ListId);
        var client = factory.CreateBrowser();

        var response = await client.GetAsync($"/speakers/{seeded.ListId}/live");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(seeded.Delegations[0].Name, html);
        Assert.Contains(seeded.Delegations[1].Name, html);
        Assert.Contains("<script src=\"/lib/signalr/signalr.min.js\"></script>", html);
        Assert.Matches(@"<script src=""/js/live\.js\?v=[^""]+""></script>", html);
        Assert.DoesNotMatch(InlineScript(), html);
        Assert.DoesNotMatch(InlineStyleOrHandler(), html);
        Assert.Contains($"data-live-list=\"{seeded.ListId}\"", html);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/lib/signalr/signalr.min.js")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/js/live.js")).StatusCode);
    }

    [Fact]
    public async Task Names_and_labels_follow_the_language_and_arabic_reads_right_to_left()
    {
        var seeded = await factory.AddListAsync(members: 2);
        await factory.CallNextAndStartAsync(seeded.ListId);

        var french = await StateAsync(factory.CreateBrowser("fr"), seeded.ListId);
        Assert.Equal(seeded.Delegations[0].FrenchName, french.GetProperty("current").GetProperty("delegation").GetString());
        Assert.Equal("Déclaration", french.GetProperty("current").GetProperty("kind").GetString());
        Assert.Equal("fr", french.GetProperty("language").GetString());

        var arabic = await factory.CreateBrowser("ar").GetStringAsync($"/speakers/{seeded.ListId}/live");
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", arabic);
        Assert.Contains("bootstrap.rtl.min.css", arabic);
        Assert.Contains("يأخذ الكلمة الآن", arabic);
        Assert.Contains(seeded.Delegations[0].Name, arabic);
    }

    [Fact]
    public async Task The_state_shows_no_private_data()
    {
        var seeded = await factory.AddListAsync(members: 3);
        await factory.CallNextAndStartAsync(seeded.ListId);

        var json = await factory.CreateBrowser().GetStringAsync($"/speakers/{seeded.ListId}/live/state");
        var page = await factory.CreateBrowser().GetStringAsync($"/speakers/{seeded.ListId}/live");

        foreach (var delegation in seeded.Delegations)
        {
            Assert.Contains(delegation.Name, json);
            Assert.DoesNotContain(delegation.NomineeEmail, json);
            Assert.DoesNotContain(delegation.NomineeFamilyName, json);
            Assert.DoesNotContain(delegation.NomineeEmail, page);
            Assert.DoesNotContain(delegation.NomineeFamilyName, page);
        }

        using var document = JsonDocument.Parse(json);
        var fields = document.RootElement.GetProperty("current").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["id", "delegation", "kind", "group", "capacity", "timer"], fields);
        Assert.DoesNotContain("inscribedBy", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("statementFile", json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_unknown_list_is_not_found_and_an_unpublished_session_shows_only_to_the_secretariat()
    {
        var anonymous = factory.CreateBrowser();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/speakers/987654/live")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/speakers/987654/live/state")).StatusCode);

        var hidden = await factory.AddListAsync(members: 1, published: false);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/speakers/{hidden.ListId}/live")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/speakers/{hidden.ListId}/live/state")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/sessions/{hidden.SessionId}/speakers")).StatusCode);

        var secretariat = factory.CreateBrowser();
        await secretariat.SignInAsAsync(factory, Roles.Secretariat);
        Assert.Equal(HttpStatusCode.OK, (await secretariat.GetAsync($"/speakers/{hidden.ListId}/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await secretariat.GetAsync($"/sessions/{hidden.SessionId}/speakers")).StatusCode);
    }

    [Fact]
    public async Task A_focal_point_sees_the_place_and_estimated_wait_of_their_delegation()
    {
        var seeded = await factory.AddListAsync(members: 5);
        await factory.CallNextAndStartAsync(seeded.ListId);
        factory.Clock.Advance(TimeSpan.FromSeconds(100));
        var fourth = seeded.Delegations[3];
        var focalPoint = factory.CreateBrowser();
        await focalPoint.SignInAsFocalPointOfAsync(factory, fourth.OrganisationId);

        var state = await StateAsync(focalPoint, seeded.ListId);
        var mine = Assert.Single(state.GetProperty("mine").EnumerateArray());
        Assert.Equal(fourth.Name, mine.GetProperty("delegation").GetString());
        Assert.Equal(4, mine.GetProperty("place").GetInt32());
        Assert.Equal(3, mine.GetProperty("speakersAhead").GetInt32());
        // Two member statements of 5 minutes wait between the speaker at the rostrum and this one.
        Assert.Equal(600_000, mine.GetProperty("waitAfterCurrentMs").GetInt64());

        var page = await focalPoint.GetStringAsync($"/speakers/{seeded.ListId}/live");
        Assert.Contains($"{fourth.Name} (Statement): place 4 on the list, 3 speakers ahead, about 14 minutes to wait.", page);
        Assert.Contains("data-live-personal=\"true\"", page);

        var stranger = factory.CreateBrowser();
        await stranger.SignInAsFocalPointOfAsync(factory, await factory.AddOrganisationAsync($"Other {OrganisationSeeding.UniqueToken()}", Core.Organisations.OrganisationCategory.MemberState));
        Assert.Equal(JsonValueKind.Null, (await StateAsync(stranger, seeded.ListId)).GetProperty("mine").ValueKind);
    }

    [Fact]
    public async Task A_delegate_of_a_listed_delegation_sees_its_place_too()
    {
        var seeded = await factory.AddListAsync(members: 3);
        var second = seeded.Delegations[1];
        var email = DelegationBuilders.NewEmail("delegate");
        var account = await factory.CreateUserAsync(email, DelegationBuilders.FocalPointPassword, null);
        await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            var participant = await db.Participants.SingleAsync(p => p.DelegationId == second.DelegationId);
            participant.LinkAccount(account.Id);
            await db.SaveChangesAsync();
        });
        var delegate_ = factory.CreateBrowser();
        await delegate_.SignInAsync(email, DelegationBuilders.FocalPointPassword);

        var mine = Assert.Single((await StateAsync(delegate_, seeded.ListId)).GetProperty("mine").EnumerateArray());

        Assert.Equal((second.Name, 2, 1), (mine.GetProperty("delegation").GetString(), mine.GetProperty("place").GetInt32(), mine.GetProperty("speakersAhead").GetInt32()));
        Assert.Equal(300_000, mine.GetProperty("waitAfterCurrentMs").GetInt64());
    }

    [Fact]
    public async Task The_session_index_links_each_list_to_its_display_and_the_session_page_links_the_index()
    {
        var seeded = await factory.AddListAsync(members: 3);
        await factory.CallNextAndStartAsync(seeded.ListId);
        var client = factory.CreateBrowser();

        var index = await client.GetStringAsync($"/sessions/{seeded.SessionId}/speakers");
        Assert.Contains($"href=\"/speakers/{seeded.ListId}/live\"", index);
        Assert.Contains("General debate", index);
        Assert.Contains("2 speakers waiting", index);
        Assert.Contains("A speaker has the floor", index);

        var session = await client.GetStringAsync($"/sessions/{seeded.SessionId}");
        Assert.Contains($"href=\"/sessions/{seeded.SessionId}/speakers\"", session);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/sessions/987654/speakers")).StatusCode);
    }

    [Fact]
    public async Task Withdrawn_and_skipped_entries_leave_the_next_speakers_and_the_skipped_show_among_the_last()
    {
        var seeded = await factory.AddListAsync(members: 4);
        var d = seeded.Delegations;
        await factory.ChangeListAsync(seeded.ListId, (list, now) => list.Withdraw(list.Inscriptions.Single(i => i.DelegationId == d[1].DelegationId).Id, now));
        await factory.ChangeListAsync(seeded.ListId, (list, now) => list.Skip(list.Inscriptions.Single(i => i.DelegationId == d[0].DelegationId).Id, now));

        var state = await StateAsync(factory.CreateBrowser(), seeded.ListId);

        Assert.Equal(JsonValueKind.Null, state.GetProperty("current").ValueKind);
        Assert.Equal([d[2].Name, d[3].Name], Names(state, "next"));
        var skipped = Assert.Single(state.GetProperty("last").EnumerateArray());
        Assert.Equal((d[0].Name, "Not present when called"), (skipped.GetProperty("delegation").GetString(), skipped.GetProperty("status").GetString()));
        Assert.Contains("No one has the floor.", await factory.CreateBrowser().GetStringAsync($"/speakers/{seeded.ListId}/live"));
    }

    private static async Task<JsonElement> StateAsync(HttpClient client, int listId)
    {
        var response = await client.GetAsync($"/speakers/{listId}/live/state");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "");
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    private static List<string?> Names(JsonElement state, string part) =>
        state.GetProperty(part).EnumerateArray().Select(e => e.GetProperty("delegation").GetString()).ToList();
}
