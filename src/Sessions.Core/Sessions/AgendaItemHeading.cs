using Sessions.Core.Common;

namespace Sessions.Core.Sessions;

/// <summary>An agenda item as a page names it: its number and its title in six languages ("7. Cooperation with partners").</summary>
public sealed record AgendaItemHeading(string Number, TranslatedText Title)
{
    /// <summary>"7. " and the title in the current UI language: for a choice in a list, where no markup can say the title's language.</summary>
    public override string ToString() => $"{Number}. {Title}";
}
