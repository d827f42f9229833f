using System.ComponentModel.DataAnnotations;
using Sessions.Core.Registration;

namespace Sessions.Web.Features.Registration.Delegations;

/// <summary>What the focal point types for a nominee (nominate and edit share it).</summary>
public sealed class ParticipantForm : PersonalDetailsForm
{
    public int DelegationId { get; set; }

    public int? ParticipantId { get; set; }

    /// <summary>Shown instead of the nomination form: the deadline has passed.</summary>
    public bool NominationsClosed { get; set; }

    [Display(Name = "Function")]
    public ParticipantFunction Function { get; set; }

    [Display(Name = "Email")]
    public string? Email { get; set; }

    public string OrganisationName { get; set; } = "";

    public string SessionSymbol { get; set; } = "";

    /// <summary>The nominee's accessibility and dietary needs, which the focal point may state for them.</summary>
    public SpecialRequirements.NeedsForm Needs { get; set; } = new();

    [Display(Name = "Attends")]
    public AttendanceMode? Attendance { get; set; }

    /// <summary>How the session is held: a session held one way only shows no choice.</summary>
    public global::Sessions.Core.Sessions.SessionFormat SessionFormat { get; set; } = global::Sessions.Core.Sessions.SessionFormat.InPerson;

    public ParticipantDetails ToDetails() => ToDetails(Function, Email ?? "");
}
