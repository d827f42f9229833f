using Sessions.Core.Audit;
using Sessions.Core.Common;

namespace Sessions.Core.Registration;

/// <summary>What a participant needs to take part: access and diet. One row per participant, kept apart from the nomination.</summary>
public sealed record Needs(bool WheelchairAccess, bool SignLanguageInterpretation, bool SupportPerson, string? OtherAccessibility, string? Dietary)
{
    public const int TextMaxLength = 500;

    public bool Any => WheelchairAccess || SignLanguageInterpretation || SupportPerson
        || !string.IsNullOrWhiteSpace(OtherAccessibility) || !string.IsNullOrWhiteSpace(Dietary);
}

/// <summary>
/// A participant's accessibility and dietary needs, stated by themselves or their focal point. Health-related: the audit
/// records that they changed, never what they are.
/// </summary>
public class SpecialRequirements
{
    private SpecialRequirements()
    {
    }

    public SpecialRequirements(int participantId) => ParticipantId = participantId;

    /// <summary>For a participant not saved yet (a nomination): the key is theirs once saved.</summary>
    public SpecialRequirements(Participant participant) => Participant = participant;

    public int ParticipantId { get; private set; }

    public Participant? Participant { get; private set; }

    [Confidential]
    public bool WheelchairAccess { get; private set; }

    [Confidential]
    public bool SignLanguageInterpretation { get; private set; }

    [Confidential]
    public bool SupportPerson { get; private set; }

    [Confidential]
    public string? OtherAccessibility { get; private set; }

    [Confidential]
    public string? Dietary { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    public Needs Needs => new(WheelchairAccess, SignLanguageInterpretation, SupportPerson, OtherAccessibility, Dietary);

    public void State(Needs needs, DateTime at)
    {
        if ((needs.OtherAccessibility?.Trim().Length ?? 0) > Needs.TextMaxLength || (needs.Dietary?.Trim().Length ?? 0) > Needs.TextMaxLength)
        {
            throw new DomainException("Describe the needs in at most {0} characters.", Needs.TextMaxLength);
        }

        WheelchairAccess = needs.WheelchairAccess;
        SignLanguageInterpretation = needs.SignLanguageInterpretation;
        SupportPerson = needs.SupportPerson;
        OtherAccessibility = Blank(needs.OtherAccessibility);
        Dietary = Blank(needs.Dietary);
        UpdatedAt = at;
        Version = Guid.NewGuid();
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
