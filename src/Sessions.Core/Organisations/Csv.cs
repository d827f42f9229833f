using System.Text;

namespace Sessions.Core.Organisations;

/// <summary>
/// Reads a CSV file as spreadsheets save it (RFC 4180): UTF-8 with or without a byte order mark,
/// comma or semicolon separated (whichever the header row uses), fields in double quotes may hold
/// separators, doubled quotes and line breaks.
/// </summary>
public static class Csv
{
    private static readonly UTF8Encoding _strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The text of the file, or null when the bytes are not UTF-8 text (a binary file, another encoding).</summary>
    public static string? DecodeUtf8(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        if (bytes.Contains((byte)0))
        {
            return null;
        }

        try
        {
            return _strictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>The separator of the first line: a semicolon when it has more of them than commas (outside quotes).</summary>
    public static char DetectSeparator(string text)
    {
        int commas = 0, semicolons = 0;
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
        }

        return semicolons > commas ? ';' : ',';
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
