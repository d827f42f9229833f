namespace Sessions.Core.Notices;

/// <summary>The families of notices the secretariat finds its templates under.</summary>
public enum NoticeGroup
{
    Account = 1,
    Accreditation = 2,
    Registration = 3,
    Statements = 4,
    Speakers = 5,
    ConveningNotice = 6,
    Reminders = 7,
    FreeForm = 8,
    Documents = 9,
}

/// <summary>
/// One kind of notice, e.g. "delegation.approved": it has one template (subject and body in the six
/// languages) and the placeholders that template may use. A template that names any other placeholder
/// is refused when it is saved.
/// </summary>
public sealed record NoticeKind(string Key, NoticeGroup Group, IReadOnlyList<string> Placeholders)
{
    /// <summary>Filled for every recipient of every notice.</summary>
    public static readonly IReadOnlyList<string> RecipientPlaceholders = ["RecipientName", "RecipientEmail"];

    /// <summary>Filled by <see cref="NoticeValues.ForSession"/>.</summary>
    public static readonly IReadOnlyList<string> SessionPlaceholders =
        ["SessionTitle", "SessionSymbol", "SessionVenue", "SessionOpensOn", "SessionClosesOn", "NominationDeadline", "RegistrationDeadline", "StatementDeadline", "SessionLink"];

    /// <summary>Every placeholder a template of this kind may name: the recipient's and the kind's own.</summary>
    public IEnumerable<string> Allowed => RecipientPlaceholders.Concat(Placeholders);

    public bool Allows(string placeholder) => RecipientPlaceholders.Contains(placeholder) || Placeholders.Contains(placeholder);
}
