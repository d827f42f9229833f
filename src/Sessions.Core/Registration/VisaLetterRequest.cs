using System.Globalization;
using Sessions.Core.Audit;
using Sessions.Core.Common;
using Sessions.Core.Organisations;

namespace Sessions.Core.Registration;

public enum VisaLetterStatus
{
    Requested = 1,
    Approved = 2,
    Refused = 3,
}

/// <summary>What a participant (or their focal point) types to ask for a visa support letter.</summary>
public sealed record PassportDetails(
    string PassportNumber,
    string Nationality,
    DateOnly IssuedOn,
    DateOnly ExpiresOn,
    DateOnly DateOfBirth,
    string ConsulateCity,
    string ConsulateCountry);

/// <summary>
/// A participant's request for a letter supporting their visa application. The passport data is personal: the audit
/// records that it changed, never its values (<see cref="ConfidentialAttribute"/>). One request at a time is open
/// (asked or approved); after a refusal the participant may ask again.
/// </summary>
public class VisaLetterRequest
{
    /// <summary>The statuses that keep a participant from asking again (one unique index says so in the database).</summary>
    public static readonly IReadOnlyList<VisaLetterStatus> Open = [VisaLetterStatus.Requested, VisaLetterStatus.Approved];

    public const int ReasonMaxLength = 1000;

    private VisaLetterRequest()
    {
    }

    public VisaLetterRequest(int participantId, int sessionId, PassportDetails details, DateOnly sessionClosesOn, string? requestedByUserId, DateTime at)
    {
        ParticipantId = participantId;
        SessionId = sessionId;
        Describe(details, sessionClosesOn);
        Status = VisaLetterStatus.Requested;
        RequestedAt = at;
        RequestedByUserId = requestedByUserId;
    }

    public int Id { get; private set; }
    public int ParticipantId { get; private set; }
    public int SessionId { get; private set; }

    [Confidential]
    public string PassportNumber { get; private set; } = "";

    /// <summary>ISO 3166-1 alpha-2.</summary>
    [Confidential]
    public string Nationality { get; private set; } = "";

    [Confidential]
    public DateOnly PassportIssuedOn { get; private set; }

    [Confidential]
    public DateOnly PassportExpiresOn { get; private set; }

    [Confidential]
    public DateOnly DateOfBirth { get; private set; }

    [Confidential]
    public string ConsulateCity { get; private set; } = "";

    /// <summary>ISO 3166-1 alpha-2 of the country where the consulate or embassy is.</summary>
    [Confidential]
    public string ConsulateCountry { get; private set; } = "";

    public VisaLetterStatus Status { get; private set; }
    public DateTime RequestedAt { get; private set; }

    /// <summary>The account that asked (the participant's or their focal point's); none when asked through the participant's private link.</summary>
    public string? RequestedByUserId { get; private set; }

    public DateTime? DecidedAt { get; private set; }
    public string? DecidedByUserId { get; private set; }
    public string? RefusalReason { get; private set; }

    /// <summary>The letter's number in the session's series (1, 2, 3... with no gaps), given on approval.</summary>
    public int? ReferenceNumber { get; private set; }

    /// <summary>The reference printed on the letter, e.g. HSP/HA.2/VISA/0001.</summary>
    public string? Reference { get; private set; }

    /// <summary>The letter as issued: its language, heading and body (HTML paragraphs), kept as they were sent.</summary>
    public string? LetterLanguage { get; private set; }

    /// <summary>The letter's title as written from the template, which may name the passport: confidential like the letter.</summary>
    [Confidential]
    public string? LetterTitle { get; private set; }

    [Confidential]
    public string? LetterHtml { get; private set; }

    /// <summary>When the passport data and the letter were erased, the session being long closed.</summary>
    public DateTime? ErasedAt { get; private set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    public bool IsOpen => Open.Contains(Status);

    /// <summary>Refuses a request after the session's deadline for visa letters (none set: no deadline).</summary>
    public static void CheckDeadline(DateTime? deadlineUtc, DateTime now)
    {
        if (deadlineUtc is { } deadline && now > deadline)
        {
            throw new DomainException("The deadline for visa letter requests has passed.");
        }
    }

    /// <summary>The reference of the letter numbered <paramref name="number"/> in the session's series: HSP/HA.2/VISA/0001.</summary>
    public static string ReferenceFor(string sessionSymbol, int number) =>
        $"{sessionSymbol}/VISA/{number.ToString("0000", CultureInfo.InvariantCulture)}";

    public void Approve(int referenceNumber, string reference, string language, string title, string html, string byUserId, DateTime at)
    {
        if (Status != VisaLetterStatus.Requested)
        {
            throw new DomainException("This request has already been decided.");
        }

        Status = VisaLetterStatus.Approved;
        ReferenceNumber = referenceNumber;
        Reference = reference;
        LetterLanguage = language;
        LetterTitle = title;
        LetterHtml = html;
        DecidedAt = at;
        DecidedByUserId = byUserId;
        Version = Guid.NewGuid();
    }

    /// <summary>
    /// Erases the passport data and the letter that carried it; the request keeps its status, reference and dates, so
    /// the register of letters issued stays whole. Erasing twice changes nothing.
    /// </summary>
    public void Erase(DateTime at)
    {
        if (ErasedAt is not null)
        {
            return;
        }

        PassportNumber = "";
        Nationality = "";
        PassportIssuedOn = default;
        PassportExpiresOn = default;
        DateOfBirth = default;
        ConsulateCity = "";
        ConsulateCountry = "";
        LetterHtml = null;
        LetterTitle = null;
        ErasedAt = at;
        Version = Guid.NewGuid();
    }

    public void Refuse(string? reason, string byUserId, DateTime at)
    {
        if (Status != VisaLetterStatus.Requested)
        {
            throw new DomainException("This request has already been decided.");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("Give the reason for the refusal: the participant reads it.");
        }

        if (reason.Trim().Length > ReasonMaxLength)
        {
            throw new DomainException("The reason is too long: at most {0} characters.", ReasonMaxLength);
        }

        Status = VisaLetterStatus.Refused;
        RefusalReason = reason.Trim();
        DecidedAt = at;
        DecidedByUserId = byUserId;
        Version = Guid.NewGuid();
    }

    private void Describe(PassportDetails details, DateOnly sessionClosesOn)
    {
        var number = (details.PassportNumber ?? "").Trim().ToUpperInvariant();
        if (number.Length is < 5 or > 20 || !number.All(char.IsAsciiLetterOrDigit))
        {
            throw new DomainException("Enter the passport number as printed: 5 to 20 letters and digits.");
        }

        if (!Countries.Exists(details.Nationality))
        {
            throw new DomainException("Choose the nationality.");
        }

        if (string.IsNullOrWhiteSpace(details.ConsulateCity) || details.ConsulateCity.Trim().Length > 100 || !Countries.Exists(details.ConsulateCountry))
        {
            throw new DomainException("Give the city and the country of the consulate or embassy where you will apply.");
        }

        if (details.DateOfBirth >= details.IssuedOn)
        {
            throw new DomainException("The passport cannot be issued before the date of birth.");
        }

        if (details.ExpiresOn <= details.IssuedOn)
        {
            throw new DomainException("The passport must expire after it was issued.");
        }

        if (details.ExpiresOn <= sessionClosesOn)
        {
            throw new DomainException("The passport must be valid beyond the closing date of the session.");
        }

        PassportNumber = number;
        Nationality = details.Nationality.ToUpperInvariant();
        PassportIssuedOn = details.IssuedOn;
        PassportExpiresOn = details.ExpiresOn;
        DateOfBirth = details.DateOfBirth;
        ConsulateCity = details.ConsulateCity.Trim();
        ConsulateCountry = details.ConsulateCountry.ToUpperInvariant();
    }
}
