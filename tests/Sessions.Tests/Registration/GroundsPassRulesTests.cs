using Sessions.Core.Common;
using Sessions.Core.Registration;

namespace Sessions.Tests.Registration;

/// <summary>The grounds-pass rule that approval applies, one participant or many.</summary>
public sealed class GroundsPassRulesTests
{
    private static readonly DateOnly _today = new(2030, 3, 1);

    private static Participant Nominee(string given, string family)
    {
        var delegation = new Delegation(1, 1, Capacity.Stakeholder, "focal point", DateTime.UtcNow);
        return delegation.Nominate(new ParticipantDetails("", given, family, ParticipantFunction.Representative, $"{given}@example.org", "en", true), ParticipantStatus.Nominated, DateTime.UtcNow);
    }

    [Fact]
    public void A_participant_without_the_photo_the_session_asks_for_is_not_approved_and_the_refusal_names_them()
    {
        var participant = Nominee("Omar", "Haddad");

        var refusal = Assert.Throws<DomainException>(() => participant.Approve(new GroundsPassRequirements(Photo: true, IdentityDocument: false)));

        Assert.Equal("Omar Haddad", refusal.Arguments[0]);
        Assert.Equal("—", refusal.Arguments[1]);
        Assert.Equal(ParticipantStatus.Nominated, participant.Status);
        Assert.Null(participant.BadgeToken);
    }

    [Fact]
    public void A_complete_grounds_pass_lets_the_approval_through()
    {
        var participant = Nominee("Omar", "Haddad");
        participant.ReplacePhoto(Guid.NewGuid());
        participant.GiveIdentityDocument(IdentityDocument.Of("jo", " A123 ", _today.AddYears(2), _today));

        participant.Approve(new GroundsPassRequirements(Photo: true, IdentityDocument: true));

        Assert.Equal(ParticipantStatus.Approved, participant.Status);
        Assert.Equal("JO", participant.Nationality);
        Assert.Equal("A123", participant.IdentityDocumentNumber);
    }

    [Fact]
    public void The_refusal_lists_who_lacks_the_photo_and_who_the_identity_data()
    {
        var asked = new GroundsPassRequirements(true, true);
        var none = new GroundsPassState(false, null, null, null);
        var photoOnly = new GroundsPassState(true, null, null, null);
        var complete = new GroundsPassState(true, "FR", "X1", _today);

        var refusal = Assert.Throws<DomainException>(() => GroundsPassRequirements.Refuse(
            [new("Zoe Blanc", asked, none), new("Ana Silva", asked, photoOnly), new("Li Wei", asked, complete), new("Bo Ek", GroundsPassRequirements.None, none)]));

        Assert.Equal("Zoe Blanc", refusal.Arguments[0]);
        Assert.Equal("Ana Silva, Zoe Blanc", refusal.Arguments[1]);
    }

    [Theory]
    [InlineData("", "A1", "2031-01-01", "Choose the nationality.")]
    [InlineData("XX", "A1", "2031-01-01", "Choose the nationality.")]
    [InlineData("KE", " ", "2031-01-01", "Enter the identity document number (at most {0} characters).")]
    [InlineData("KE", "A1", null, "Enter the expiry date of the identity document.")]
    [InlineData("KE", "A1", "2030-02-28", "The identity document has expired.")]
    public void Incomplete_or_expired_identity_data_is_refused(string nationality, string number, string? expiresOn, string message)
    {
        var refusal = Assert.Throws<DomainException>(() => IdentityDocument.Of(nationality, number, expiresOn is null ? null : DateOnly.Parse(expiresOn, System.Globalization.CultureInfo.InvariantCulture), _today));

        Assert.Equal(message, refusal.Message);
    }

    [Fact]
    public void Erasing_twice_erases_once()
    {
        var participant = Nominee("Omar", "Haddad");
        var photo = Guid.NewGuid();
        participant.ReplacePhoto(photo);
        participant.GiveIdentityDocument(IdentityDocument.Of("JO", "A123", _today.AddYears(2), _today));
        var at = new DateTime(2030, 6, 1, 0, 0, 0, DateTimeKind.Utc);

        Assert.Equal(photo, participant.EraseGroundsPass(at));
        Assert.Null(participant.EraseGroundsPass(at.AddDays(1)));

        Assert.Equal(at, participant.GroundsPassErasedAt);
        Assert.Equal(new GroundsPassState(false, null, null, null), participant.GroundsPass);
    }
}
