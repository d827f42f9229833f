using Sessions.Core.Common;

namespace Sessions.Core.Registration;

/// <summary>What a participant's grounds pass holds: a photo or not, and the identity data given.</summary>
public sealed record GroundsPassState(bool HasPhoto, string? Nationality, string? DocumentNumber, DateOnly? DocumentExpiresOn)
{
    public bool HasIdentityDocument =>
        !string.IsNullOrWhiteSpace(Nationality) && !string.IsNullOrWhiteSpace(DocumentNumber) && DocumentExpiresOn is not null;
}

/// <summary>A participant about to be approved, under the requirements of their session.</summary>
public sealed record GroundsPassHolder(string FullName, GroundsPassRequirements Asked, GroundsPassState State);

/// <summary>
/// What a session asks of each participant before approval, for the grounds pass: a photo, and (by its own setting)
/// nationality and an identity document with its expiry. The one rule that both the approval of one participant
/// (<see cref="Participant.Approve"/>) and the set-based decision (<see cref="ParticipantDecision.ApplyAsync"/>) apply.
/// </summary>
public sealed record GroundsPassRequirements(bool Photo, bool IdentityDocument)
{
    public static readonly GroundsPassRequirements None = new(false, false);

    public bool LacksPhoto(GroundsPassState state) => Photo && !state.HasPhoto;

    public bool LacksIdentityDocument(GroundsPassState state) => IdentityDocument && !state.HasIdentityDocument;

    /// <summary>Refuses the approval when any holder lacks what their session asks, naming who lacks the photo and who the identity data.</summary>
    public static void Refuse(IEnumerable<GroundsPassHolder> holders)
    {
        var list = holders.ToList();
        var withoutPhoto = list.Where(h => h.Asked.LacksPhoto(h.State)).Select(h => h.FullName).ToList();
        var withoutIdentity = list.Where(h => h.Asked.LacksIdentityDocument(h.State)).Select(h => h.FullName).ToList();
        if (withoutPhoto.Count == 0 && withoutIdentity.Count == 0)
        {
            return;
        }

        throw new DomainException(
            "Approval needs what the session asks for the grounds pass. Without a photo: {0}. Without nationality, identity document number or expiry: {1}.",
            Names(withoutPhoto),
            Names(withoutIdentity));
    }

    private static string Names(List<string> names) => names.Count == 0 ? "—" : string.Join(", ", names.Order(StringComparer.CurrentCulture));
}

/// <summary>Identity data as typed: refused when incomplete or already expired.</summary>
public sealed record IdentityDocument(string Nationality, string DocumentNumber, DateOnly ExpiresOn)
{
    public const int MaxNumberLength = 40;

    public static IdentityDocument Of(string? nationality, string? documentNumber, DateOnly? expiresOn, DateOnly today)
    {
        var country = nationality?.Trim().ToUpperInvariant() ?? "";
        if (!Organisations.Countries.Exists(country))
        {
            throw new DomainException("Choose the nationality.");
        }

        var number = documentNumber?.Trim() ?? "";
        if (number.Length == 0 || number.Length > MaxNumberLength || number.Any(char.IsControl))
        {
            throw new DomainException("Enter the identity document number (at most {0} characters).", MaxNumberLength);
        }

        if (expiresOn is not { } expiry)
        {
            throw new DomainException("Enter the expiry date of the identity document.");
        }

        if (expiry < today)
        {
            throw new DomainException("The identity document has expired.");
        }

        return new IdentityDocument(country, number, expiry);
    }
}
