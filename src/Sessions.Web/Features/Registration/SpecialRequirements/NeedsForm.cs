using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Sessions.Core.Data;
using Sessions.Core.Registration;

namespace Sessions.Web.Features.Registration.SpecialRequirements;

/// <summary>The fields of a participant's needs, on their own page and on the focal point's participant form.</summary>
public sealed class NeedsForm
{
    [Display(Name = "Wheelchair access")]
    public bool WheelchairAccess { get; set; }

    [Display(Name = "Sign-language interpretation")]
    public bool SignLanguageInterpretation { get; set; }

    [Display(Name = "A support person")]
    public bool SupportPerson { get; set; }

    [Display(Name = "Other accessibility needs")]
    public string? OtherAccessibility { get; set; }

    [Display(Name = "Dietary needs")]
    public string? Dietary { get; set; }

    public Needs ToNeeds() => new(WheelchairAccess, SignLanguageInterpretation, SupportPerson, OtherAccessibility, Dietary);

    public static NeedsForm From(Needs? needs) => needs is null ? new NeedsForm() : new NeedsForm
    {
        WheelchairAccess = needs.WheelchairAccess,
        SignLanguageInterpretation = needs.SignLanguageInterpretation,
        SupportPerson = needs.SupportPerson,
        OtherAccessibility = needs.OtherAccessibility,
        Dietary = needs.Dietary,
    };

    /// <summary>The participant's needs as saved; none when never stated.</summary>
    public static async Task<NeedsForm> LoadAsync(SessionsDbContext db, int participantId) =>
        From(await db.SpecialRequirements.AsNoTracking().Where(r => r.ParticipantId == participantId)
            .Select(r => new Needs(r.WheelchairAccess, r.SignLanguageInterpretation, r.SupportPerson, r.OtherAccessibility, r.Dietary))
            .SingleOrDefaultAsync());

    /// <summary>Writes the needs of a saved participant into the context (the caller saves); a first statement of none adds no row.</summary>
    public async Task StateAsync(SessionsDbContext db, int participantId, DateTime at)
    {
        var needs = ToNeeds();
        var row = await db.SpecialRequirements.SingleOrDefaultAsync(r => r.ParticipantId == participantId);
        if (row is null)
        {
            if (!needs.Any)
            {
                return;
            }

            row = new Core.Registration.SpecialRequirements(participantId);
            db.SpecialRequirements.Add(row);
        }
        else if (row.Needs == needs with { OtherAccessibility = Blank(needs.OtherAccessibility), Dietary = Blank(needs.Dietary) })
        {
            return;
        }

        row.State(needs, at);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>The name prefix of the fields (<c>Needs.</c> inside the participant form, none on the page of its own) and their values.</summary>
public sealed record NeedsFields(string Prefix, NeedsForm Form);
