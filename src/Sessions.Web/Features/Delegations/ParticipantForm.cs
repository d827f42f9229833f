using System.ComponentModel.DataAnnotations;
using Sessions.Core.Common;
using Sessions.Core.Registration;

namespace Sessions.Web.Features.Delegations;

/// <summary>What the focal point types for a nominee (nominate and edit share it).</summary>
public sealed class ParticipantForm
{
    public int DelegationId { get; set; }

    public int? ParticipantId { get; set; }

    /// <summary>Shown instead of the nomination form: the deadline has passed.</summary>
    public bool NominationsClosed { get; set; }

    /// <summary>The delegation's version the form was opened on.</summary>
    public Guid Version { get; set; }

    [Display(Name = "Title (Mr., Ms., Dr., H.E....)")]
    public string? Title { get; set; }

    [Display(Name = "Given name")]
    public string? GivenName { get; set; }

    [Display(Name = "Family name")]
    public string? FamilyName { get; set; }

    [Display(Name = "Function")]
    public ParticipantFunction Function { get; set; }

    [Display(Name = "Email")]
    public string? Email { get; set; }

    [Display(Name = "Preferred language")]
    public string PreferredLanguage { get; set; } = Languages.English;

    [Display(Name = "Appears in the public list of participants")]
    public bool ConsentToPublicList { get; set; }

    public string OrganisationName { get; set; } = "";

    public string SessionSymbol { get; set; } = "";

    public ParticipantDetails ToDetails() =>
        new(Title ?? "", GivenName ?? "", FamilyName ?? "", Function, Email ?? "", PreferredLanguage, ConsentToPublicList);
}
