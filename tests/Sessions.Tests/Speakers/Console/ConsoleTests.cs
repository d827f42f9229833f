using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Accounts;
using Sessions.Core.Data;
using Sessions.Core.Notices;
using Sessions.Core.Registration;
using Sessions.Core.Speakers;
using Sessions.Tests.Infrastructure;
using static Sessions.Tests.Infrastructure.SpeakersConsoleBuilders;

namespace Sessions.Tests.Speakers.Console;

/// <summary>The secretariat's console for a speakers list, through the real host: its actions, refusals and notices.</summary>
public sealed class ConsoleTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    private const string StaleMessage = "Someone else changed this record while you were editing it. Review the current version below and apply your changes again.";

    [Fact]
    public async Task The_console_shows_the_list_in_speaking_order_with_its_actions()
    {
        var list = await factory.AddConsoleListAsync(speakers: 3);
        var client = await SecretariatAsync();

        var response = await client.GetAsync(list.ConsoleUrl);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(list.InscriptionIds, RowsOf(html));
        foreach (var action in new[] { "call-next", "give-floor", "skip", "withdraw", "move-up", "move-down", "move-to", "close" })
        {
            Assert.Contains($"data-action=\"{action}\"", html, StringComparison.Ordinal);
        }

        Assert.Contains($"href=\"/speakers/{list.ListId}/inscribe?kind=PointOfOrder\"", html, StringComparison.Ordinal);
        Assert.Contains("src=\"/js/console.js", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_console_words_each_kind_with_its_time_limit_and_puts_points_of_order_and_groups_first()
    {
        var list = await factory.AddConsoleListAsync(speakers: 3);
        var (pointOfOrder, group, reply) = await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            var seeded = await db.SpeakersLists.Include(l => l.Inscriptions).SingleAsync(l => l.Id == list.ListId);
            var delegations = seeded.Inscriptions.OrderBy(i => i.Id).Select(i => i.DelegationId).ToList();
            var at = DateTime.UtcNow;
            var r = seeded.Inscribe(new InscriptionRequest(delegations[2], Capacity.Member, InscriptionKind.RightOfReply, LevelOfRepresentation.Other, ReplyRound: ReplyRound.First), at);
            var g = seeded.Inscribe(new InscriptionRequest(delegations[1], Capacity.Member, InscriptionKind.GroupStatement, LevelOfRepresentation.Minister, GroupName: "the Group of 77 and China"), at);
            var p = seeded.Inscribe(new InscriptionRequest(delegations[0], Capacity.Member, InscriptionKind.PointOfOrder, LevelOfRepresentation.Other), at);
            await db.SaveChangesAsync();
            return (p.Id, g.Id, r.Id);
        });
        var client = await SecretariatAsync();

        var html = Decoded(await client.GetStringAsync(list.ConsoleUrl));

        Assert.Equal([pointOfOrder, group, .. list.InscriptionIds, reply], RowsOf(html));
        Assert.Matches($"data-inscription-id=\"{pointOfOrder}\"(?s:.*?)Point of order(?s:.*?)—", html);
        Assert.Matches($"data-inscription-id=\"{group}\"(?s:.*?)On behalf of the Group of 77 and China(?s:.*?)Minister(?s:.*?)5:00", html);
        Assert.Matches($"data-inscription-id=\"{reply}\"(?s:.*?)Right of reply \\(First reply\\)(?s:.*?)10:00", html);
    }

    [Fact]
    public async Task No_one_is_given_the_floor_while_another_speaker_has_it()
    {
        var list = await factory.AddConsoleListAsync(speakers: 3);
        var client = await SecretariatAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await client.ActOnConsoleAsync(list, "call-next")).StatusCode);

        foreach (var (action, fields) in new (string, object)[] { ("call-next", new { }), ("give-floor", new { InscriptionId = list.InscriptionIds[2] }) })
        {
            var response = await client.ActOnConsoleAsync(list, action, await client.ReadConsoleAsync(list), fields);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Another speaker has the floor.", Decoded(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        var state = await factory.ConsoleListStateAsync(list.ListId);
        Assert.Equal([list.InscriptionIds[0]], state.Inscriptions.Where(i => i.Status == SpeakerStatus.Speaking).Select(i => i.Id));
    }

    [Fact]
    public async Task The_console_speaks_the_users_language()
    {
        var list = await factory.AddConsoleListAsync(speakers: 1);
        var client = factory.CreateBrowser("ar");
        await client.SignInAsAsync(factory, Roles.Secretariat);

        var html = Decoded(await client.GetStringAsync(list.ConsoleUrl));

        Assert.Contains("دعوة المتكلم التالي", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Call the next speaker", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_focal_point_cannot_open_the_console_nor_act_on_the_list()
    {
        var list = await factory.AddConsoleListAsync(speakers: 2);
        var client = factory.CreateBrowser();
        await client.SignInAsAsync(factory, Roles.FocalPoint);

        await client.AssertForbiddenAsync(list.ConsoleUrl);
        var version = (await factory.ConsoleListStateAsync(list.ListId)).Version;
        var response = await client.PostFormAsync($"{list.ConsoleUrl}/call-next", new { Version = version }, "/");
        await client.AssertForbiddenAsync(response);

        Assert.Null((await factory.ConsoleListStateAsync(list.ListId)).Speaking);
    }

    [Fact]
    public async Task Someone_signed_out_is_sent_to_sign_in()
    {
        var list = await factory.AddConsoleListAsync(speakers: 1);

        var response = await factory.CreateBrowser().GetAsync(list.ConsoleUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location!.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_console_of_a_list_that_does_not_exist_is_not_found()
    {
        var client = await SecretariatAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/speakers/987654/console")).StatusCode);
        var response = await client.PostFormAsync("/speakers/987654/console/call-next", new { Version = Guid.NewGuid() }, "/");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Calling_the_next_speaker_gives_the_floor_to_the_first_waiting_and_offers_the_timer()
    {
        var list = await factory.AddConsoleListAsync(speakers: 3);
        var client = await SecretariatAsync();

        var response = await client.ActOnConsoleAsync(list, "call-next");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(list.ConsoleUrl, response.Headers.Location!.OriginalString);
        var state = await factory.ConsoleListStateAsync(list.ListId);
        Assert.Equal(list.InscriptionIds[0], state.Speaking!.Id);
        var html = await client.GetStringAsync(list.ConsoleUrl);
        Assert.Contains("data-action=\"start\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-action=\"call-next\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-action=\"give-floor\"", html, StringComparison.Ordinal);
        Assert.Contains("2 waiting, 0 done", html, StringComparison.Ordinal); // the speaker with the floor is neither
    }

    [Fact]
    public async Task The_secretariat_gives_the_floor_to_a_chosen_speaker_skips_one_absent_and_withdraws_another()
    {
        var list = await factory.AddConsoleListAsync(speakers: 4);
        var client = await SecretariatAsync();

        Assert.Equal(HttpStatusCode.Redirect, (await client.ActOnConsoleAsync(list, "skip", new { InscriptionId = list.InscriptionIds[0] })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.ActOnConsoleAsync(list, "withdraw", new { InscriptionId = list.InscriptionIds[1] })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.ActOnConsoleAsync(list, "give-floor", new { InscriptionId = list.InscriptionIds[3] })).StatusCode);

        var state = await factory.ConsoleListStateAsync(list.ListId);
        var status = state.Inscriptions.ToDictionary(i => i.Id, i => i.Status);
        Assert.Equal(
            [SpeakerStatus.Skipped, SpeakerStatus.Withdrawn, SpeakerStatus.Waiting, SpeakerStatus.Speaking],
            list.InscriptionIds.Select(id => status[id]));
        var html = await client.GetStringAsync(list.ConsoleUrl);
        Assert.Equal([list.InscriptionIds[0], list.InscriptionIds[3], list.InscriptionIds[2]], RowsOf(html));
    }

    [Fact]
    public async Task A_second_secretariat_member_acting_on_a_stale_page_is_refused_with_the_fresh_list()
    {
        var list = await factory.AddConsoleListAsync(speakers: 3);
        var first = await SecretariatAsync();
        var second = await SecretariatAsync();
        var stalePage = await second.ReadConsoleAsync(list);

        Assert.Equal(HttpStatusCode.Redirect, (await first.ActOnConsoleAsync(list, "call-next")).StatusCode);
        var response = await second.ActOnConsoleAsync(list, "withdraw", stalePage, new { InscriptionId = list.InscriptionIds[1] });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(StaleMessage, Decoded(html), StringComparison.Ordinal);
        var state = await factory.ConsoleListStateAsync(list.ListId);
        Assert.Equal(list.InscriptionIds[0], state.Speaking!.Id);
        Assert.Equal(SpeakerStatus.Waiting, state.Inscriptions.Single(i => i.Id == list.InscriptionIds[1]).Status);
        Assert.Equal(state.Version.ToString(), VersionOf(html));
        Assert.NotEqual(stalePage.Version, VersionOf(html));
        Assert.Contains("data-action=\"start\"", html, StringComparison.Ordinal);

        // The fresh list in hand, the same action goes through.
        var again = await second.ActOnConsoleAsync(list, "withdraw", (stalePage.Token, VersionOf(html)), new { InscriptionId = list.InscriptionIds[1] });
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(SpeakerStatus.Withdrawn, (await factory.ConsoleListStateAsync(list.ListId)).Inscriptions.Single(i => i.Id == list.InscriptionIds[1]).Status);
    }

    [Fact]
    public async Task Actions_on_an_entry_that_already_spoke_are_refused_and_change_nothing()
    {
        var list = await factory.AddConsoleListAsync(speakers: 3);
        var client = factory.CreateBrowser("fr");
        await client.SignInAsAsync(factory, Roles.Secretariat);
        Assert.Equal(HttpStatusCode.Redirect, (await client.ActOnConsoleAsync(list, "call-next")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.ActOnConsoleAsync(list, "start", new { InscriptionId = list.InscriptionIds[0] })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.ActOnConsoleAsync(list, "stop", new { InscriptionId = list.InscriptionIds[0] })).StatusCode);

        var before = await factory.ConsoleListStateAsync(list.ListId);
        var spoke = before.Inscriptions.Single(i => i.Id == list.InscriptionIds[0]);
        Assert.Equal(SpeakerStatus.Spoke, spoke.Status);

        var refusals = new (string Action, string Message)[]
        {
            ("withdraw", "Cet orateur n’est plus en attente."),
            ("skip", "Cet orateur n’est plus en attente."),
            ("give-floor", "Cet orateur n’est plus en attente."),
            ("move-up", "Cet orateur n’est plus en attente."),
            ("move-to", "Cet orateur n’est plus en attente."),
            ("return-to-order", "Cet orateur n’est plus en attente."),
            ("start", "Cet orateur n’a pas la parole."),
            ("pause", "Cet orateur n’a pas la parole."),
            ("stop", "Cet orateur n’a pas la parole."),
            ("extend", "Cet orateur n’a pas la parole."),
        };
        foreach (var (action, message) in refusals)
        {
            // A tab left open on the entry, or a request made by hand: the button is no longer on the page.
            var response = await client.ActOnConsoleAsync(list, action, await client.ReadConsoleAsync(list), new { InscriptionId = spoke.Id, Place = 3, Seconds = 30 });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(message, Decoded(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        var after = await factory.ConsoleListStateAsync(list.ListId);
        Assert.Equal(before.Version, after.Version);
        var unchanged = after.Inscriptions.Single(i => i.Id == spoke.Id);
        Assert.Equal((SpeakerStatus.Spoke, spoke.SpokeForSeconds, spoke.CalledAt, (int?)null), (unchanged.Status, unchanged.SpokeForSeconds, unchanged.CalledAt, unchanged.ManualPosition));
    }

    [Fact]
    public async Task The_secretariat_moves_entries_by_one_place_to_a_chosen_place_and_back_to_protocol_order()
    {
        var list = await factory.AddConsoleListAsync(speakers: 5);
        var (a, b, c, d, e) = (list.InscriptionIds[0], list.InscriptionIds[1], list.InscriptionIds[2], list.InscriptionIds[3], list.InscriptionIds[4]);
        var client = await SecretariatAsync();

        await AssertMovedAsync("move-down", new { InscriptionId = a }, [b, a, c, d, e]);
        await AssertMovedAsync("move-up", new { InscriptionId = d }, [b, a, d, c, e]);
        await AssertMovedAsync("move-to", new { InscriptionId = e, Place = 1 }, [e, a, d, b, c]);
        var html = await client.GetStringAsync(list.ConsoleUrl);
        Assert.Contains("data-action=\"return-to-order\"", html, StringComparison.Ordinal);
        Assert.Contains(">Moved</span>", html, StringComparison.Ordinal);
        await AssertMovedAsync("return-to-order", new { InscriptionId = e }, [b, a, d, c, e]);

        // A move down swaps with a neighbour that was itself moved: it does not slide along.
        await AssertMovedAsync("move-down", new { InscriptionId = a }, [b, d, a, c, e]);

        var first = await client.ActOnConsoleAsync(list, "move-up", new { InscriptionId = b });
        Assert.Contains("This speaker is already the first one waiting.", Decoded(await first.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var last = await client.ActOnConsoleAsync(list, "move-down", new { InscriptionId = e });
        Assert.Contains("This speaker is already the last on the list.", Decoded(await last.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var nowhere = await client.ActOnConsoleAsync(list, "move-to", new { InscriptionId = c, Place = 0 });
        var nowherePage = Decoded(await nowhere.Content.ReadAsStringAsync());
        Assert.Contains("The place on the list must be 1 or more.", nowherePage, StringComparison.Ordinal);
        Assert.Matches($"id=\"place-{c}\"[^>]*value=\"0\"", nowherePage);
        Assert.Equal([b, d, a, c, e], (await factory.ConsoleListStateAsync(list.ListId)).InSpeakingOrder().Select(i => i.Id));

        async Task AssertMovedAsync(string action, object fields, int[] expected)
        {
            var response = await client.ActOnConsoleAsync(list, action, fields);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal(expected, (await factory.ConsoleListStateAsync(list.ListId)).InSpeakingOrder().Select(i => i.Id));
            Assert.Equal(expected, RowsOf(await client.GetStringAsync(list.ConsoleUrl)));
        }
    }

    [Fact]
    public async Task The_secretariat_closes_the_list_and_reopens_it()
    {
        var list = await factory.AddConsoleListAsync(speakers: 1);
        var client = await SecretariatAsync();

        Assert.Equal(HttpStatusCode.Redirect, (await client.ActOnConsoleAsync(list, "close")).StatusCode);
        Assert.False((await factory.ConsoleListStateAsync(list.ListId)).IsOpen);
        Assert.Contains("data-action=\"reopen\"", await client.GetStringAsync(list.ConsoleUrl), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await client.ActOnConsoleAsync(list, "reopen")).StatusCode);
        Assert.True((await factory.ConsoleListStateAsync(list.ListId)).IsOpen);
        Assert.Contains("data-action=\"close\"", await client.GetStringAsync(list.ConsoleUrl), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calling_the_next_speaker_tells_the_delegation_now_next_in_line_that_it_is_about_to_be_called()
    {
        var list = await factory.AddConsoleListAsync(speakers: 3, notifyWhenSpeakersAhead: 1, withFocalPoints: true);
        var client = await SecretariatAsync();

        Assert.Equal(HttpStatusCode.Redirect, (await client.ActOnConsoleAsync(list, "call-next")).StatusCode);

        Assert.Equal([NoticeKinds.SpeakerAboutToBeCalled.Key], (await factory.NoticesToAsync(list.FocalPointEmails[1])).Select(n => n.Kind));
        Assert.Empty(await factory.NoticesToAsync(list.FocalPointEmails[0]));
        Assert.Empty(await factory.NoticesToAsync(list.FocalPointEmails[2]));
    }

    [Fact]
    public async Task Moving_an_entry_by_more_than_three_places_tells_its_delegation()
    {
        var list = await factory.AddConsoleListAsync(speakers: 6, withFocalPoints: true);
        var client = await SecretariatAsync();

        Assert.Equal(HttpStatusCode.Redirect, (await client.ActOnConsoleAsync(list, "move-to", new { InscriptionId = list.InscriptionIds[5], Place = 1 })).StatusCode);

        var notices = await factory.NoticesToAsync(list.FocalPointEmails[5]);
        Assert.Equal([NoticeKinds.SpeakerMoved.Key], notices.Select(n => n.Kind));
        foreach (var pushedDownByOne in list.FocalPointEmails.Take(5))
        {
            Assert.Empty(await factory.NoticesToAsync(pushedDownByOne));
        }
    }

    private async Task<HttpClient> SecretariatAsync()
    {
        var client = factory.CreateBrowser();
        await client.SignInAsAsync(factory, Roles.Secretariat);
        return client;
    }
}
