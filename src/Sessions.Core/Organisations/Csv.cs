using System.Text;

namespace Sessions.Core.Organisations;

/// <summary>Text read from a file's bytes, and the name of the encoding it was read in (shown to the person importing).</summary>
public sealed record DecodedText(string Text, string Encoding);

/// <summary>
/// Reads a CSV file as spreadsheets save it (RFC 4180): UTF-8 with or without a byte order mark, UTF-16 with one
/// (Excel's "Unicode text"), or Windows-1252 when the bytes are not UTF-8; comma, semicolon or tab separated
/// (whichever the header row uses most); fields in double quotes may hold separators, doubled quotes and line breaks.
/// </summary>
public static class Csv
{
    private static readonly UTF8Encoding _strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly UnicodeEncoding _strictUtf16Le = new(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);
    private static readonly UnicodeEncoding _strictUtf16Be = new(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);

    // From the shared framework's code pages, without registering them for the whole process.
    private static readonly Encoding _windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)
        ?? throw new InvalidOperationException("The Windows-1252 code page is not available.");

    /// <summary>The text of the file and its encoding, or null when the bytes are not text (a binary file, an encoding not recognised).</summary>
    public static DecodedText? Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Decode(_strictUtf8, bytes[3..], "UTF-8");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Decode(_strictUtf16Le, bytes[2..], "UTF-16 LE");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Decode(_strictUtf16Be, bytes[2..], "UTF-16 BE");
        }

        if (bytes.Contains((byte)0))
        {
            return null;
        }

        return Decode(_strictUtf8, bytes, "UTF-8") ?? Decode(_windows1252, bytes, "Windows-1252");
    }

    private static DecodedText? Decode(Encoding encoding, ReadOnlySpan<byte> bytes, string name)
    {
        try
        {
            var text = encoding.GetString(bytes);
            return text.Contains('\0', StringComparison.Ordinal) ? null : new DecodedText(text, name);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>The separator of the first line (outside quotes): a tab or a semicolon when it has more of them than of the others, otherwise a comma.</summary>
    public static char DetectSeparator(string text)
    {
        int commas = 0, semicolons = 0, tabs = 0;
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c is '\n' or '\r')
            {
                break;
            }
            else if (!quoted && c == ',')
            {
                commas++;
            }
            else if (!quoted && c == ';')
            {
                semicolons++;
            }
            else if (!quoted && c == '\t')
            {
                tabs++;
            }
        }

        return tabs > Math.Max(commas, semicolons) ? '\t' : semicolons > commas ? ';' : ',';
    }

    /// <summary>The records of <paramref name="text"/>; blank lines are skipped. Stops after <paramref name="maxRecords"/> records.</summary>
    public static List<string[]> Parse(string text, char? separator = null, int maxRecords = int.MaxValue)
    {
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var sep = separator ?? DetectSeparator(text);
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var fieldWasQuoted = false;
        var i = 0;
        while (i < text.Length && records.Count < maxRecords)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i += 2;
                        continue;
                    }

                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }

                i++;
                continue;
            }

            if (c == '"' && field.Length == 0 && !fieldWasQuoted)
            {
                quoted = true;
                fieldWasQuoted = true;
            }
            else if (c == sep)
            {
                fields.Add(field.ToString());
                field.Clear();
                fieldWasQuoted = false;
            }
            else if (c is '\r' or '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                fieldWasQuoted = false;
                AddRecord(records, fields);
                fields = [];
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
            }
            else
            {
                field.Append(c);
            }

            i++;
        }

        if (records.Count < maxRecords && (field.Length > 0 || fields.Count > 0 || fieldWasQuoted))
        {
            fields.Add(field.ToString());
            AddRecord(records, fields);
        }

        return records;
    }

    private static void AddRecord(List<string[]> records, List<string> fields)
    {
        if (fields.Count == 1 && fields[0].Length == 0)
        {
            return;
        }

        records.Add([.. fields]);
    }
}
