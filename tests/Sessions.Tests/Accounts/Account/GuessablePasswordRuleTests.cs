using Sessions.Core.Accounts;

namespace Sessions.Tests.Accounts.Account;

public sealed class GuessablePasswordRuleTests
{
    [Fact]
    public void The_list_of_common_passwords_holds_at_least_the_ten_thousand_most_common()
    {
        Assert.True(GuessablePasswords.CommonCount >= 10_000, $"{GuessablePasswords.CommonCount} passwords");
    }

    [Theory]
    [InlineData("123456")]
    [InlineData("password1234")]
    [InlineData("123456789012")]
    [InlineData("QWERTY123456")]
    [InlineData("1q2w3e4r5t6y")]
    public void A_common_password_is_found_whatever_its_case(string password)
    {
        Assert.True(GuessablePasswords.IsCommon(password));
    }

    [Theory]
    [InlineData("a-long-enough-password")]
    [InlineData("correct-horse-battery")]
    [InlineData("Трудно угадать эту фразу")]
    public void An_uncommon_password_is_not_refused(string password)
    {
        Assert.False(GuessablePasswords.IsCommon(password));
    }

    [Theory]
    [InlineData("amina.diallo-2026", "amina.diallo@example.org")]
    [InlineData("AMINA.DIALLO-2026", "amina.diallo@example.org")]
    [InlineData("my-aminadiallo-pass", "Amina.Diallo@example.org")]
    [InlineData("o'brien-of-dublin", "o'brien@example.org")]
    [InlineData("ana-banana-bread", "ana@example.org")]
    public void A_password_holding_the_name_of_the_address_is_found(string password, string email)
    {
        Assert.True(GuessablePasswords.ContainsEmailName(password, email));
    }

    [Theory]
    [InlineData("a-journey-to-the-north", "jo@example.org")]
    [InlineData("diallo-family-2026", "amina.diallo@example.org")]
    [InlineData("example-org-password", "amina@example.org")]
    [InlineData("anything-at-all-here", null)]
    [InlineData("anything-at-all-here", "not-an-address")]
    public void A_password_without_the_name_of_the_address_is_not_refused(string password, string? email)
    {
        Assert.False(GuessablePasswords.ContainsEmailName(password, email));
    }
}
