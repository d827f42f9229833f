using Sessions.Core.Common;
using Sessions.Core.Sessions;

namespace Sessions.Tests.SessionsFeature;

public sealed class SessionRulesTests
{
    private static Session SecondAssembly() =>
        new(1, 2, "HSP/HA.2", TranslatedText.English("Second session of the United Nations Habitat Assembly"), TranslatedText.English("United Nations Office at Nairobi"), "Africa/Nairobi", new DateOnly(2023, 6, 5), new DateOnly(2023, 6, 9));

    [Fact]
    public void A_deadline_typed_as_23_59_in_nairobi_is_stored_as_20_59_utc()
    {
        var session = SecondAssembly();
        var utc = session.ToUtc(new DateTime(2023, 5, 22, 23, 59, 0));

        Assert.Equal(new DateTime(2023, 5, 22, 20, 59, 0, DateTimeKind.Utc), utc);
        Assert.Equal(DateTimeKind.Utc, utc.Kind);
        Assert.Equal(new DateTime(2023, 5, 22, 23, 59, 0), session.ToLocal(utc));
    }

    [Fact]
    public void Deadlines_follow_daylight_saving_time_where_the_venue_has_it()
    {
        var session = new Session(1, 1, "X.1", TranslatedText.English("Title"), TranslatedText.English("Geneva"), "Europe/Zurich", new DateOnly(2024, 1, 10), new DateOnly(2024, 7, 10));
        Assert.Equal(new DateTime(2024, 1, 10, 22, 59, 0, DateTimeKind.Utc), session.ToUtc(new DateTime(2024, 1, 10, 23, 59, 0)));
        Assert.Equal(new DateTime(2024, 7, 10, 21, 59, 0, DateTimeKind.Utc), session.ToUtc(new DateTime(2024, 7, 10, 23, 59, 0)));
    }

    [Fact]
    public void A_session_cannot_close_before_it_opens()
    {
        var error = Assert.Throws<DomainException>(() => SecondAssembly().SetDates(new DateOnly(2023, 6, 9), new DateOnly(2023, 6, 5)));
        Assert.Equal("The session cannot close before it opens.", error.Message);
    }

    [Fact]
    public void An_unknown_time_zone_is_refused()
    {
        var error = Assert.Throws<DomainException>(() => SecondAssembly().SetTimeZone("Mars/Olympus_Mons"));
        Assert.Equal("Unknown time zone: {0}.", error.Message);
    }

    [Fact]
    public void Speaker_inscription_must_close_after_it_opens()
    {
        var session = SecondAssembly();
        var opens = new DateTime(2023, 5, 15, 6, 0, 0, DateTimeKind.Utc);
        Assert.Throws<DomainException>(() => session.SetInscriptionWindow(opens, opens));
        session.SetInscriptionWindow(opens, opens.AddDays(1));
        Assert.Equal(opens.AddDays(1), session.InscriptionClosesAt);
    }

    [Fact]
    public void Agenda_items_are_numbered_once_and_can_be_reordered()
    {
        var session = SecondAssembly();
        session.AddAgendaItem("1", "Opening of the session.");
        session.AddAgendaItem("2", "Adoption of the agenda and organization of work.");
        session.AddAgendaItem("3", "Credentials of representatives.");
        Assert.Throws<DomainException>(() => session.AddAgendaItem("2", "Again"));

        var items = session.AgendaItems.ToList();
        SetIds(items);
        session.MoveAgendaItem(items[2].Id, up: true);
        Assert.Equal(["1", "3", "2"], session.AgendaItems.OrderBy(a => a.Sequence).Select(a => a.Number));

        session.MoveAgendaItem(items[0].Id, up: true);
        Assert.Equal(["1", "3", "2"], session.AgendaItems.OrderBy(a => a.Sequence).Select(a => a.Number));

        session.MoveAgendaItem(items[0].Id, up: false);
        Assert.Equal(["3", "1", "2"], session.AgendaItems.OrderBy(a => a.Sequence).Select(a => a.Number));

        Assert.Throws<DomainException>(() => session.ReviseAgendaItem(items[0].Id, "2", TranslatedText.English("Clash")));
        session.RemoveAgendaItem(items[1].Id);
        Assert.Equal(2, session.AgendaItems.Count);
    }

    [Fact]
    public void A_meeting_must_end_after_it_starts_and_numbers_are_unique()
    {
        var session = SecondAssembly();
        var start = new DateTime(2023, 6, 5, 7, 0, 0, DateTimeKind.Utc);
        var error = Assert.Throws<DomainException>(() => session.AddMeeting(1, start, start.AddHours(-1), null));
        Assert.Equal("A meeting must end after it starts.", error.Message);

        session.AddMeeting(1, start, start.AddHours(3), "Plenary Hall");
        Assert.Throws<DomainException>(() => session.AddMeeting(1, start.AddHours(5), start.AddHours(8), null));
        Assert.Equal(2, session.NextMeetingNumber());
    }

    [Fact]
    public void The_next_meeting_is_proposed_in_the_morning_then_the_afternoon_then_the_next_morning()
    {
        var session = SecondAssembly();
        Assert.Equal((new DateTime(2023, 6, 5, 10, 0, 0), new DateTime(2023, 6, 5, 13, 0, 0)), session.ProposeNextMeetingTimes());

        session.AddMeeting(1, session.ToUtc(new DateTime(2023, 6, 5, 10, 0, 0)), session.ToUtc(new DateTime(2023, 6, 5, 13, 0, 0)), null);
        Assert.Equal((new DateTime(2023, 6, 5, 15, 0, 0), new DateTime(2023, 6, 5, 18, 0, 0)), session.ProposeNextMeetingTimes());

        session.AddMeeting(2, session.ToUtc(new DateTime(2023, 6, 5, 15, 0, 0)), session.ToUtc(new DateTime(2023, 6, 5, 18, 0, 0)), null);
        Assert.Equal((new DateTime(2023, 6, 6, 10, 0, 0), new DateTime(2023, 6, 6, 13, 0, 0)), session.ProposeNextMeetingTimes());
    }

    [Fact]
    public void The_symbol_is_proposed_under_the_body_prefix()
    {
        Assert.Equal("HSP/HA.2", Session.ProposeSymbol("HSP/HA", 2));
    }

    /// <summary>Ids come from the database; here they are given by hand so the items can be addressed.</summary>
    private static void SetIds(IReadOnlyList<AgendaItem> items)
    {
        var property = typeof(AgendaItem).GetProperty(nameof(AgendaItem.Id))!;
        for (var i = 0; i < items.Count; i++)
        {
            property.SetValue(items[i], i + 1);
        }
    }
}
