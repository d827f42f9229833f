using System.Text;
using ClosedXML.Excel;
using Sessions.Core.Common;
using Sessions.Core.Statements;
using static Sessions.Tests.Infrastructure.StatementDocumentBuilders;

namespace Sessions.Tests.Statements.Documents;

/// <summary>The bad inputs, read as they would be after upload: each is refused with a message, never an exception page.</summary>
public sealed class DocumentSafetyTests
{
    private const string NotADocument = "The file is not a Word (DOCX) or PDF document.";
    private const string Unreadable = "The document could not be read. It may be damaged or protected by a password.";

    private static string Refusal(byte[] bytes, string contentType) =>
        Assert.Throws<DomainException>(() => StatementDocuments.Read(new MemoryStream(bytes), contentType)).Message;

    private static string DocxRefusal(byte[] bytes) => Refusal(bytes, StatementDocuments.DocxContentType);

    [Fact]
    public void A_zip_with_more_than_a_thousand_entries_is_refused()
    {
        var zip = Zip(Enumerable.Range(0, 1_001).Select(i => ($"word/media/p{i}.xml", "<a/>"u8.ToArray())));

        Assert.Equal("The file has more than {0} parts and cannot be accepted.", DocxRefusal(zip));
    }

    [Fact]
    public void A_thousand_entries_are_still_read()
    {
        var document = Zip(Unzip(Docx("Three words here")).Concat(Enumerable.Range(0, 990).Select(i => ($"customXml/item{i}.xml", "<a/>"u8.ToArray()))));

        Assert.Equal(3, StatementDocuments.Read(new MemoryStream(document), StatementDocuments.DocxContentType).Words);
    }

    [Fact]
    public void One_highly_compressible_huge_entry_is_refused_as_a_zip_bomb()
    {
        var bomb = Zip(Unzip(Docx("Short statement")).Append(("word/bomb.xml", new byte[200 * 1024 * 1024])));
        Assert.True(bomb.Length < 1024 * 1024);

        Assert.Equal("The file is compressed in an unsafe way and cannot be accepted.", DocxRefusal(bomb));
    }

    [Fact]
    public void A_zip_bomb_that_declares_small_sizes_never_unpacks_past_them()
    {
        var bomb = Zip(Unzip(Docx("Short statement")).Append(("word/bomb.xml", new byte[200 * 1024 * 1024])));
        DeclareUncompressedSize(bomb, "word/bomb.xml", 1_000);
        using (var forged = new System.IO.Compression.ZipArchive(new MemoryStream(bomb)))
        {
            Assert.Equal(1_000, forged.GetEntry("word/bomb.xml")!.Length);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var read = StatementDocuments.Read(new MemoryStream(bomb), StatementDocuments.DocxContentType);

        Assert.Equal(2, read.Words);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - allocated < 50 * 1024 * 1024);
    }

    [Fact]
    public void Entries_unpacking_to_more_than_fifty_megabytes_are_refused_even_at_a_plausible_ratio()
    {
        var random = new Random(11);
        var entries = Enumerable.Range(0, 52).Select(i =>
        {
            var content = new byte[1024 * 1024];
            random.NextBytes(content.AsSpan(0, 32 * 1024));
            return ($"word/media/image{i}.bin", content);
        });
        var large = Zip(Unzip(Docx("Short statement")).Concat(entries));

        Assert.Equal("The file is larger than {0} MB once unpacked.", DocxRefusal(large));
    }

    [Fact]
    public void An_excel_workbook_is_not_a_word_document()
    {
        using var workbook = new XLWorkbook();
        workbook.AddWorksheet("Statement").Cell(1, 1).Value = "Many words in a spreadsheet cell";
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);

        Assert.Equal(NotADocument, DocxRefusal(stream.ToArray()));
    }

    [Fact]
    public void An_xlsx_like_or_plain_zip_is_not_a_word_document()
    {
        var xlsxLike = Zip([
            ("[Content_Types].xml", Encoding.UTF8.GetBytes("""<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>""")),
            ("xl/workbook.xml", "<workbook/>"u8.ToArray()),
        ]);
        var plain = Zip([("statement.txt", "A statement in a plain zip"u8.ToArray())]);

        Assert.Equal(NotADocument, DocxRefusal(xlsxLike));
        Assert.Equal(NotADocument, DocxRefusal(plain));
    }

    [Fact]
    public void A_word_package_with_a_broken_main_part_could_not_be_read()
    {
        var entries = Unzip(Docx("Fine text")).Select(e => e.Name == "word/document.xml" ? (e.Name, "<w:document><w:body><w:p>"u8.ToArray()) : e);

        Assert.Equal(Unreadable, DocxRefusal(Zip(entries)));
    }

    [Fact]
    public void An_xml_entity_bomb_in_the_document_could_not_be_read()
    {
        const string laughs = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol3;</w:t></w:r></w:p></w:body></w:document>
            """;
        var entries = Unzip(Docx("Fine text")).Select(e => e.Name == "word/document.xml" ? (e.Name, Encoding.UTF8.GetBytes(laughs)) : e);

        Assert.Equal(Unreadable, DocxRefusal(Zip(entries)));
    }

    [Fact]
    public void Random_bytes_named_docx_could_not_be_read()
    {
        var bytes = new byte[4096];
        new Random(5).NextBytes(bytes);
        var zipHeaded = (byte[])bytes.Clone();
        "PK\u0003\u0004"u8.CopyTo(zipHeaded);

        Assert.Equal(Unreadable, DocxRefusal(bytes));
        Assert.Equal(Unreadable, DocxRefusal(zipHeaded));
    }

    [Fact]
    public void A_truncated_docx_could_not_be_read()
    {
        var document = Docx(Words(500));

        Assert.Equal(Unreadable, DocxRefusal(document[..(document.Length / 2)]));
    }

    [Fact]
    public void A_truncated_pdf_could_not_be_read()
    {
        var document = Pdf(pages: 4, wordsPerPage: 200);

        Assert.Equal(Unreadable, Refusal(document[..(document.Length / 3)], StatementDocuments.PdfContentType));
    }

    [Fact]
    public void Bytes_that_only_start_like_a_pdf_could_not_be_read()
    {
        var bytes = new byte[4096];
        new Random(3).NextBytes(bytes);
        "%PDF-1.7\n"u8.CopyTo(bytes);

        Assert.Equal(Unreadable, Refusal(bytes, StatementDocuments.PdfContentType));
    }

    [Fact]
    public void A_stored_file_over_ten_megabytes_is_not_read()
    {
        var large = new byte[10 * 1024 * 1024 + 1];
        "%PDF-1.7\n"u8.CopyTo(large);

        Assert.Equal("The file is larger than {0} MB.", Refusal(large, StatementDocuments.PdfContentType));
    }

    [Theory]
    [InlineData(StatementDocuments.DocxContentType)]
    [InlineData(StatementDocuments.PdfContentType)]
    public void An_empty_file_is_refused(string contentType)
    {
        Assert.Equal("The file is empty.", Refusal([], contentType));
    }

    /// <summary>Rewrites the entry's uncompressed size in its local header and in the central directory, as a forged archive would.</summary>
    private static void DeclareUncompressedSize(byte[] zip, string name, uint size)
    {
        var nameBytes = Encoding.ASCII.GetBytes(name);
        for (var i = 0; i + 46 < zip.Length; i++)
        {
            if (zip.AsSpan(i, 4).SequenceEqual("PK\u0003\u0004"u8) && zip.AsSpan(i + 30).StartsWith(nameBytes))
            {
                BitConverter.TryWriteBytes(zip.AsSpan(i + 22, 4), size);
            }

            if (zip.AsSpan(i, 4).SequenceEqual("PK\u0001\u0002"u8) && zip.AsSpan(i + 46).StartsWith(nameBytes))
            {
                BitConverter.TryWriteBytes(zip.AsSpan(i + 24, 4), size);
            }
        }
    }

    private static List<(string Name, byte[] Content)> Unzip(byte[] zip)
    {
        using var archive = new System.IO.Compression.ZipArchive(new MemoryStream(zip));
        return archive.Entries.Select(entry =>
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return (entry.FullName, copy.ToArray());
        }).ToList();
    }
}
