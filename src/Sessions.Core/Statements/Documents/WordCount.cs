using System.Text;

namespace Sessions.Core.Statements;

/// <summary>
/// The one rule for counting the words of a statement, the way Microsoft Word counts them: a word is a maximal
/// run of non-whitespace characters that holds at least one letter or digit, so punctuation standing alone
/// ("–", "…") is not a word while "e-mail", "don't" and "2,000" are one word each; and every CJK ideograph,
/// kana or hangul syllable is a word on its own (Chinese and Japanese text count characters), which also ends
/// the run of other characters before it.
/// </summary>
public static class WordCount
{
    public static int Of(string text)
    {
        var words = 0;
        var runHasLetterOrDigit = false;
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune) || IsEastAsian(rune.Value))
            {
                if (runHasLetterOrDigit)
                {
                    words++;
                }

                runHasLetterOrDigit = false;
                if (!Rune.IsWhiteSpace(rune))
                {
                    words++;
                }
            }
            else if (Rune.IsLetterOrDigit(rune))
            {
                runHasLetterOrDigit = true;
            }
        }

        return runHasLetterOrDigit ? words + 1 : words;
    }

    private static bool IsEastAsian(int c) =>
        c is >= 0x3400 and <= 0x4DBF // CJK Unified Ideographs Extension A
            or >= 0x4E00 and <= 0x9FFF // CJK Unified Ideographs
            or >= 0xF900 and <= 0xFAFF // CJK Compatibility Ideographs
            or >= 0x20000 and <= 0x323AF // Extensions B to H
            or >= 0x2F800 and <= 0x2FA1F // CJK Compatibility Ideographs Supplement
            or >= 0x3041 and <= 0x3096 // Hiragana
            or >= 0x30A1 and <= 0x30FA // Katakana
            or >= 0x31F0 and <= 0x31FF // Katakana Phonetic Extensions
            or >= 0xFF66 and <= 0xFF9D // Halfwidth Katakana
            or >= 0xAC00 and <= 0xD7A3; // Hangul syllables
}
