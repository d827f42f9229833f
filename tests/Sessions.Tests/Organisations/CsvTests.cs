using System.Text;
using Sessions.Core.Organisations;

namespace Sessions.Tests.Organisations;

public sealed class CsvTests
{
    [Fact]
    public void Reads_a_plain_comma_separated_file()
    {
        var records = Csv.Parse("Name,Acronym\nUnited Nations,UN\nWorld Bank,WB\n");
        Assert.Equal(3, records.Count);
        Assert.Equal(["United Nations", "UN"], records[1]);
        Assert.Equal(["World Bank", "WB"], records[2]);
    }

    [Fact]
    public void Quoted_fields_hold_commas_doubled_quotes_and_line_breaks()
    {
        var records = Csv.Parse("Name,Note\r\n\"Habitat, International\",\"He said \"\"yes\"\"\"\r\n\"Two\r\nlines\",x\r\n");
        Assert.Equal(3, records.Count);
        Assert.Equal("Habitat, International", records[1][0]);
        Assert.Equal("He said \"yes\"", records[1][1]);
        Assert.Equal("Two\r\nlines", records[2][0]);
        Assert.Equal("x", records[2][1]);
    }

    [Fact]
    public void A_semicolon_separated_file_is_recognised_from_its_header()
    {
        var records = Csv.Parse("Name;Acronym;Website\n\"Ville de Paris; Mairie\";;paris.fr\nCité, Inc.;CI;\n");
        Assert.Equal(';', Csv.DetectSeparator("Name;Acronym;Website\n"));
        Assert.Equal(["Ville de Paris; Mairie", "", "paris.fr"], records[1]);
        Assert.Equal(["Cité, Inc.", "CI", ""], records[2]);
    }

    [Fact]
    public void A_byte_order_mark_is_dropped_and_other_scripts_survive()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("Name\n联合国\nبرنامج الأمم المتحدة\nОрганизация\n")).ToArray();
        var decoded = Csv.Decode(bytes);
        Assert.NotNull(decoded);
        Assert.Equal("UTF-8", decoded.Encoding);
        var records = Csv.Parse(decoded.Text);
        Assert.Equal("Name", records[0][0]);
        Assert.Equal("联合国", records[1][0]);
        Assert.Equal("برنامج الأمم المتحدة", records[2][0]);
        Assert.Equal("Организация", records[3][0]);
    }

    [Fact]
    public void Blank_lines_are_skipped_and_a_last_line_without_line_break_is_read()
    {
        var records = Csv.Parse("Name\n\nA\r\n\r\nB");
        Assert.Equal(["Name", "A", "B"], records.Select(r => r[0]));
    }

    [Fact]
    public void Empty_trailing_fields_are_kept()
    {
        var records = Csv.Parse("a,b,c\n1,,\n");
        Assert.Equal(["1", "", ""], records[1]);
    }

    [Fact]
    public void Bytes_that_are_not_utf8_are_read_as_windows_1252_and_binary_bytes_are_refused()
    {
        var windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;
        Assert.Equal(new DecodedText("Société – €5", "Windows-1252"), Csv.Decode(windows1252.GetBytes("Société – €5")));
        Assert.Equal(new DecodedText("Société", "UTF-8"), Csv.Decode(Encoding.UTF8.GetBytes("Société")));
        Assert.Null(Csv.Decode([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00]));
    }

    [Theory]
    [InlineData(false, "UTF-16 LE")]
    [InlineData(true, "UTF-16 BE")]
    public void Utf16_with_a_byte_order_mark_is_read(bool bigEndian, string name)
    {
        var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: true);
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes("Name\tCategory\r\n联合国\tOther\r\n")).ToArray();

        var decoded = Csv.Decode(bytes);

        Assert.Equal(name, decoded?.Encoding);
        Assert.Equal(["联合国", "Other"], Csv.Parse(decoded!.Text)[1]);
    }

    [Fact]
    public void A_tab_separated_file_is_recognised_from_its_header()
    {
        Assert.Equal('\t', Csv.DetectSeparator("Name\tAcronym\tWebsite\n"));
        Assert.Equal(["Cité, Inc.; Paris", "CI", ""], Csv.Parse("Name\tAcronym\tWebsite\nCité, Inc.; Paris\tCI\t\n")[1]);
    }

    [Fact]
    public void Parsing_stops_after_the_maximum_number_of_records()
    {
        var text = string.Join("\n", Enumerable.Range(0, 100).Select(i => $"row {i}"));
        Assert.Equal(10, Csv.Parse(text, maxRecords: 10).Count);
    }
}
