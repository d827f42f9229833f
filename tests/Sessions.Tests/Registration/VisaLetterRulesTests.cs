using Sessions.Core.Common;
using Sessions.Core.Registration;

namespace Sessions.Tests.Registration;

public sealed class VisaLetterRulesTests
{
    private static readonly DateOnly _closesOn = new(2031, 6, 6);
    private static readonly DateTime _now = new(2031, 5, 1, 9, 0, 0, DateTimeKind.Utc);

    private static PassportDetails Passport(string number = "p1234567", string nationality = "ke", DateOnly? expires = null, DateOnly? born = null) =>
        new(number, nationality, new DateOnly(2024, 1, 15), expires ?? new DateOnly(2034, 1, 14), born ?? new DateOnly(1980, 3, 2), " Geneva ", "ch");

    private static VisaLetterRequest Request() => new(1, 1, Passport(), _closesOn, null, _now);

    [Fact]
    public void A_request_keeps_the_passport_as_printed_and_the_countries_as_codes()
    {
        var request = Request();

        Assert.Equal("P1234567", request.PassportNumber);
        Assert.Equal("KE", request.Nationality);
        Assert.Equal(("Geneva", "CH"), (request.ConsulateCity, request.ConsulateCountry));
        Assert.Equal(VisaLetterStatus.Requested, request.Status);
        Assert.True(request.IsOpen);
    }

    [Theory]
    [InlineData("P12", "KE", "Enter the passport number as printed: 5 to 20 letters and digits.")]
    [InlineData("P12 34567", "KE", "Enter the passport number as printed: 5 to 20 letters and digits.")]
    [InlineData("P1234567", "XX", "Choose the nationality.")]
    public void A_passport_number_or_nationality_that_cannot_be_is_refused(string number, string nationality, string message) =>
        Assert.Equal(message, Assert.Throws<DomainException>(() => new VisaLetterRequest(1, 1, Passport(number, nationality), _closesOn, null, _now)).Message);

    [Fact]
    public void A_passport_that_expires_before_the_session_closes_is_refused() =>
        Assert.Equal(
            "The passport must be valid beyond the closing date of the session.",
            Assert.Throws<DomainException>(() => new VisaLetterRequest(1, 1, Passport(expires: _closesOn), _closesOn, null, _now)).Message);

    [Fact]
    public void A_passport_issued_before_its_holder_was_born_is_refused() =>
        Assert.Equal(
            "The passport cannot be issued before the date of birth.",
            Assert.Throws<DomainException>(() => new VisaLetterRequest(1, 1, Passport(born: new DateOnly(2025, 1, 1)), _closesOn, null, _now)).Message);

    [Fact]
    public void Requests_close_at_the_deadline_and_not_before()
    {
        VisaLetterRequest.CheckDeadline(_now, _now);
        VisaLetterRequest.CheckDeadline(null, _now);

        Assert.Throws<DomainException>(() => VisaLetterRequest.CheckDeadline(_now, _now.AddSeconds(1)));
    }

    [Fact]
    public void A_refusal_needs_a_reason_and_a_decided_request_cannot_be_decided_again()
    {
        var request = Request();

        Assert.Throws<DomainException>(() => request.Refuse("  ", "secretariat", _now));
        request.Refuse("The passport number does not match the copy received.", "secretariat", _now);

        Assert.Equal(VisaLetterStatus.Refused, request.Status);
        Assert.False(request.IsOpen);
        Assert.Throws<DomainException>(() => request.Approve(1, "X/VISA/0001", "en", "Letter", "<p>x</p>", "secretariat", _now));
    }

    [Theory]
    [InlineData(1, "HSP/HA.2/VISA/0001")]
    [InlineData(42, "HSP/HA.2/VISA/0042")]
    [InlineData(12345, "HSP/HA.2/VISA/12345")]
    public void References_are_numbered_in_the_sessions_series(int number, string reference) =>
        Assert.Equal(reference, VisaLetterRequest.ReferenceFor("HSP/HA.2", number));
}
