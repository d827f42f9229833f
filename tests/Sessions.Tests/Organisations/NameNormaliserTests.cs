using Sessions.Core.Organisations;

namespace Sessions.Tests.Organisations;

public sealed class NameNormaliserTests
{
    [Theory]
    [InlineData("ＵＮ－Ｈａｂｉｔａｔ", "un habitat")]
    [InlineData("UN-Habitat", "un habitat")]
    [InlineData("  United   Nations\tHuman  Settlements ", "united nations human settlements")]
    [InlineData("Société Générale d'Études", "societe generale d etudes")]
    [InlineData("ÉCOLE NORMALE SUPÉRIEURE", "ecole normale superieure")]
    [InlineData("Fundación Pública (Andalucía)", "fundacion publica andalucia")]
    [InlineData("Организация «Ёлка»", "организация елка")]
    public void Folds_case_accents_punctuation_white_space_and_full_width_forms(string name, string expected) =>
        Assert.Equal(expected, NameNormaliser.Normalise(name));

    [Fact]
    public void Keeps_arabic_letters_and_drops_only_their_vowel_marks()
    {
        Assert.Equal("برنامج الامم المتحدة", NameNormaliser.Normalise("برنامج الأمم المتحدة"));
        Assert.Equal(NameNormaliser.Normalise("مُنَظَّمَة"), NameNormaliser.Normalise("منظمة"));
        Assert.Equal("منظمة", NameNormaliser.Normalise("منظمة"));
    }

    [Fact]
    public void Keeps_chinese_characters_and_folds_full_width_punctuation()
    {
        Assert.Equal("联合国人类住区规划署", NameNormaliser.Normalise("联合国人类住区规划署"));
        Assert.Equal("联合国 人居署", NameNormaliser.Normalise("联合国（人居署）"));
        Assert.Equal("un 123", NameNormaliser.Normalise("ＵＮ　１２３"));
    }

    [Fact]
    public void Spellings_of_the_same_organisation_compare_equal()
    {
        Assert.Equal(NameNormaliser.Normalise("Habitat International Coalition"), NameNormaliser.Normalise("HABITAT  international coalition."));
        Assert.NotEqual(NameNormaliser.Normalise("Habitat International"), NameNormaliser.Normalise("Habitat International Coalition"));
    }

    [Theory]
    [InlineData("https://www.UN.org/", "un.org")]
    [InlineData("http://unhabitat.org", "unhabitat.org")]
    [InlineData("www.unhabitat.org/en/", "unhabitat.org/en")]
    [InlineData("", "")]
    public void Websites_compare_without_scheme_www_case_or_trailing_slash(string website, string expected) =>
        Assert.Equal(expected, NameNormaliser.NormaliseWebsite(website));

    [Theory]
    [InlineData("UN-Habitat", "unhabitat")]
    [InlineData("U.N.D.P.", "undp")]
    [InlineData("ＵＮＤＰ", "undp")]
    [InlineData(null, "")]
    public void Acronyms_compare_without_punctuation_or_spaces(string? acronym, string expected) =>
        Assert.Equal(expected, NameNormaliser.NormaliseAcronym(acronym));
}
