using System.ComponentModel.DataAnnotations;
using Sessions.Core.Common;
using Sessions.Core.Registration;

namespace Sessions.Web.Features.Registration.Delegations;

/// <summary>
/// What is typed about the person in a nomination: by the focal point (<see cref="ParticipantForm"/>) and corrected
/// by the nominee when they confirm (<see cref="ConfirmParticipation.Form"/>). Function and address are the focal point's alone.
/// </summary>
public abstract class PersonalDetailsForm
{
    /// <summary>The version of the record the form was opened on.</summary>
    public Guid Version { get; set; }

    [Display(Name = "Title (Mr., Ms., Dr., H.E....)")]
    public string? Title { get; set; }

    [Display(Name = "Given name")]
    public string? GivenName { get; set; }

    [Display(Name = "Family name")]
    public string? FamilyName { get; set; }

    [Display(Name = "Preferred language")]
    public string PreferredLanguage { get; set; } = Languages.English;

    [Display(Name = "Appears in the public list of participants")]
    public bool ConsentToPublicList { get; set; }

    public ParticipantDetails ToDetails(ParticipantFunction function, string email) =>
        new(Title ?? "", GivenName ?? "", FamilyName ?? "", function, email, PreferredLanguage, ConsentToPublicList);
}
