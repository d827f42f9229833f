using Sessions.Core.Common;

// In the namespace of Session so that every test that builds a session has it: an agenda item whose title is a plain
// string is written in English only, as the tests before six-language titles wrote them.
namespace Sessions.Core.Sessions;

public static class EnglishAgendaItems
{
    public static AgendaItem AddAgendaItem(this Session session, string number, string title) =>
        session.AddAgendaItem(number, TranslatedText.English(title));
}
