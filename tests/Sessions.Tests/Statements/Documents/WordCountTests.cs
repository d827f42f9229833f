using Sessions.Core.Statements;

namespace Sessions.Tests.Statements.Documents;

public sealed class WordCountTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("   \n\t ", 0)]
    [InlineData("one", 1)]
    [InlineData("  one  two\tthree\nfour  ", 4)]
    [InlineData("one\u00A0two", 2)]
    public void Words_are_separated_by_whitespace(string text, int words) => Assert.Equal(words, WordCount.Of(text));

    [Theory]
    [InlineData("peace – and security", 3)]
    [InlineData("– — … ! ? ( ) •", 0)]
    [InlineData("Paragraph 3 (a):", 3)]
    public void Punctuation_alone_is_not_a_word(string text, int words) => Assert.Equal(words, WordCount.Of(text));

    [Theory]
    [InlineData("e-mail", 1)]
    [InlineData("don't", 1)]
    [InlineData("2,000", 1)]
    [InlineData("1.5", 1)]
    [InlineData("HSP/HA.2/NGO/3", 1)]
    [InlineData("«quoted»", 1)]
    [InlineData("(see annex)", 2)]
    public void A_run_with_a_letter_or_digit_is_one_word(string text, int words) => Assert.Equal(words, WordCount.Of(text));

    [Theory]
    [InlineData("可持续发展", 5)]
    [InlineData("可持续发展。", 5)]
    [InlineData("联合国 人居署", 6)]
    [InlineData("UN-Habitat的报告", 4)]
    [InlineData("ひらがなカタカナ", 8)]
    [InlineData("유엔 해비타트", 6)]
    [InlineData("𠀀𠀁", 2)]
    public void Every_east_asian_character_is_a_word(string text, int words) => Assert.Equal(words, WordCount.Of(text));

    [Theory]
    [InlineData("التنمية الحضرية المستدامة", 3)]
    [InlineData("Устойчивое развитие городов", 3)]
    [InlineData("développement durable", 2)]
    [InlineData("السَّلَامُ عَلَيْكُمْ", 2)]
    public void Other_scripts_count_by_whitespace(string text, int words) => Assert.Equal(words, WordCount.Of(text));
}
