using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Documents;
using Sessions.Core.Files;
using Sessions.Core.Sessions;
using Sessions.Core.Statements;

namespace Sessions.Web.Infrastructure.Data;

/// <summary>
/// HSP/HA.2's documents for its provisional agenda: the agenda (HSP/HA.2/1), the annotated agenda (HSP/HA.2/1/Add.1), the
/// report of the Executive Director (HSP/HA.2/4) and its addendum "Cooperation with partners" (HSP/HA.2/4/Add.2, distributed
/// 12 April 2023), the list of documents (HSP/HA.2/INF/1) and a draft report not yet distributed (HSP/HA.2/L.1). Their
/// files are generated placeholders that say so on their first line (a small PDF per language version, and a Word file
/// for the list of documents), stored like any upload; some language versions are missing on purpose. Dates other than
/// HSP/HA.2/4/Add.2's are demo values. The files count as announced already: starting the demo sends no notice.
/// </summary>
public static class DemoDocuments
{
    private const string Placeholder = "DEMO placeholder - not the real document";

    private sealed record Entry(
        string Symbol,
        DocumentKind Kind,
        Func<Session, int> AgendaItem,
        DateOnly? DistributedOn,
        TranslatedText Title,
        string[] Languages,
        bool AsWord = false);

    public static async Task AddAsync(SessionsDbContext db, IFileStore files, Session session, ILogger logger)
    {
        var adoption = ItemOf("2", "Adoption of the agenda");
        var executiveDirector = ItemOf("7", "coordination matters", "partners");
        var report = ItemOf("11", "report of the session");
        var all = Core.Common.Languages.All.ToArray();
        Entry[] entries =
        [
            new("HSP/HA.2/1", DocumentKind.PreSession, adoption, new DateOnly(2023, 3, 22),
                Title("Provisional agenda", "جدول الأعمال المؤقت", "临时议程", "Ordre du jour provisoire", "Предварительная повестка дня", "Programa provisional"),
                all),
            new("HSP/HA.2/1/Add.1", DocumentKind.PreSession, adoption, new DateOnly(2023, 3, 22),
                Title("Annotated provisional agenda", "جدول الأعمال المؤقت المشروح", "附加说明的临时议程", "Ordre du jour provisoire annoté", "Аннотированная предварительная повестка дня", "Programa provisional anotado"),
                all),
            new("HSP/HA.2/4", DocumentKind.PreSession, executiveDirector, new DateOnly(2023, 3, 29),
                Title("Report of the Executive Director on the activities of the United Nations Human Settlements Programme",
                    "تقرير المديرة التنفيذية عن أنشطة برنامج الأمم المتحدة للمستوطنات البشرية",
                    "执行主任关于联合国人类住区规划署活动的报告",
                    "Rapport de la Directrice exécutive sur les activités du Programme des Nations Unies pour les établissements humains",
                    "Доклад Директора-исполнителя о деятельности Программы Организации Объединенных Наций по населенным пунктам",
                    "Informe de la Directora Ejecutiva sobre las actividades del Programa de las Naciones Unidas para los Asentamientos Humanos"),
                ["ar", "en", "fr", "ru", "es"]),
            new("HSP/HA.2/4/Add.2", DocumentKind.PreSession, executiveDirector, new DateOnly(2023, 4, 12),
                Title("Cooperation with partners", "التعاون مع الشركاء", "与伙伴的合作", "Coopération avec les partenaires", "Сотрудничество с партнерами", "Cooperación con los asociados"),
                all),
            new("HSP/HA.2/INF/1", DocumentKind.Information, adoption, new DateOnly(2023, 5, 24),
                Title("List of documents", null, null, "Liste des documents", null, "Lista de documentos"),
                ["en"],
                AsWord: true),
            new("HSP/HA.2/L.1", DocumentKind.InSession, report, null,
                TranslatedText.English("Draft report of the United Nations Habitat Assembly on the work of its second session"),
                ["en"]),
        ];

        foreach (var entry in entries)
        {
            var at = session.ToUtc((entry.DistributedOn ?? new DateOnly(2023, 6, 8)).ToDateTime(new TimeOnly(9, 0)));
            var document = new SessionDocument(session.Id, session.Symbol, entry.Symbol, entry.Kind, entry.Title, at) { IsDemo = true };
            document.IssueUnder([entry.AgendaItem(session)]);
            document.Distribute(entry.DistributedOn);
            foreach (var language in entry.Languages)
            {
                var word = entry.AsWord;
                var bytes = word ? Docx(entry, language) : Pdf(entry, language);
                var name = DocumentFileNames.Of(entry.Symbol, language, word ? StatementDocuments.DocxContentType : StatementDocuments.PdfContentType);
                var stored = await files.SaveAsync(new MemoryStream(bytes), name, UploadRule.StatementDocument, null);
                db.StoredFiles.Add(stored);
                var file = document.AddFile(language, stored.Id, null, at);
                if (!document.IsDraft)
                {
                    file.AnnouncedAt = at;
                }
            }

            db.Documents.Add(document);
        }

        await db.SaveChangesAsync();
        logger.LogInformation("Demo documents on {Symbol}: {Count}, with {Files} placeholder files", session.Symbol, entries.Length, entries.Sum(e => e.Languages.Length));

        // The item by its number where its title says what it is about, else the first item whose title does, else by number alone.
        static Func<Session, int> ItemOf(string number, params string[] says) => session =>
        {
            var items = session.AgendaItems.ToList();
            bool Says(AgendaItem item) => says.Any(s => $"{item.Title}".Contains(s, StringComparison.OrdinalIgnoreCase));
            return (items.FirstOrDefault(i => i.Number == number && Says(i)) ?? items.FirstOrDefault(Says) ?? items.First(i => i.Number == number)).Id;
        };
    }

    private static TranslatedText Title(string english, string? ar, string? zh, string? fr, string? ru, string? es)
    {
        var title = TranslatedText.English(english);
        foreach (var (language, text) in new[] { ("ar", ar), ("zh", zh), ("fr", fr), ("ru", ru), ("es", es) })
        {
            if (text is not null)
            {
                title.Translate(language, text);
            }
        }

        return title;
    }

    private static string[] Lines(Entry entry, string language) =>
    [
        Placeholder,
        entry.Symbol,
        entry.Title.Original,
        $"Language version: {CultureInfo.GetCultureInfo(language).EnglishName} ({language})",
        entry.DistributedOn is { } on ? "Distributed: " + on.ToString("d MMMM yyyy", CultureInfo.InvariantCulture) : "Draft: not distributed",
        "Generated by the Sessions demo data.",
    ];

    /// <summary>A one-page PDF in the standard Helvetica font (so its text is ASCII: the title in English).</summary>
    private static byte[] Pdf(Entry entry, string language)
    {
        var text = new StringBuilder("BT /F1 13 Tf 56 780 Td 16 TL");
        foreach (var line in Lines(entry, language))
        {
            text.Append(" (").Append(PdfString(line)).Append(") Tj T*");
        }

        text.Append(" ET");
        var content = text.ToString();
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            $"<< /Length {content.Length} >>\nstream\n{content}\nendstream",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    private static string PdfString(string text) =>
        new string([.. text.Select(c => c < 128 ? c : '?')]).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("(", "\\(", StringComparison.Ordinal).Replace(")", "\\)", StringComparison.Ordinal);

    /// <summary>A Word document with the same lines, the title also in the version's language.</summary>
    private static byte[] Docx(Entry entry, string language)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var lines = Lines(entry, language).Append(entry.Title.In(language).Text);
            main.Document = new Document(new Body(lines.Select(line => new Paragraph(new Run(new Text(line) { Space = SpaceProcessingModeValues.Preserve })))));
            main.Document.Save();
        }

        return stream.ToArray();
    }
}
