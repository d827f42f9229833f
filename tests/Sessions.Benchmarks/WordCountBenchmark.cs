using System.Diagnostics;
using System.Globalization;
using Sessions.Core.Statements;
using Sessions.Tests.Infrastructure;

namespace Sessions.Benchmarks;

/// <summary>
/// Time and memory per document of <see cref="StatementDocuments.Read"/> (unpack checks, parse, word count) for a
/// 2,000-word DOCX with a footnote and an endnote, and a 20-page PDF of 400 words a page. Single-threaded, in process.
/// </summary>
public static class WordCountBenchmark
{
    public static void Run(int iterations)
    {
        var body = Enumerable.Range(0, 19).Select(i => StatementDocumentBuilders.Words(100, i * 100)).ToArray();
        var docx = StatementDocumentBuilders.Docx(body, StatementDocumentBuilders.Words(60), StatementDocumentBuilders.Words(40), "Header not counted");
        var pdf = StatementDocumentBuilders.Pdf(pages: 20, wordsPerPage: 400);

        Console.WriteLine($"word-count: {iterations} iterations after 10 warm-up reads, {Environment.ProcessorCount} cores");
        Measure("DOCX 2,000 words + notes", docx, StatementDocuments.DocxContentType, iterations);
        Measure("PDF 20 pages x 400 words", pdf, StatementDocuments.PdfContentType, iterations);
    }

    private static void Measure(string name, byte[] document, string contentType, int iterations)
    {
        var words = 0;
        for (var i = 0; i < 10; i++)
        {
            words = StatementDocuments.Read(new MemoryStream(document), contentType).Words;
        }

        var times = new double[iterations];
        var allocated = 0L;
        for (var i = 0; i < iterations; i++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            StatementDocuments.Read(new MemoryStream(document), contentType);
            times[i] = clock.Elapsed.TotalMilliseconds;
            allocated += GC.GetAllocatedBytesForCurrentThread() - before;
        }

        Array.Sort(times);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-26} {document.Length / 1024.0,7:F1} KB  {words,6} words  mean {times.Average(),7:F2} ms  p50 {times[iterations / 2],7:F2} ms  p95 {times[(int)(iterations * 0.95)],7:F2} ms  max {times[^1],7:F2} ms  allocated {allocated / iterations / 1024.0 / 1024.0,6:F2} MB/document"));
    }
}
