using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Files;
using Sessions.Core.Notices;
using Sessions.Tests.Infrastructure;
using Sessions.Web.Features.Documents.Notice;

namespace Sessions.Tests.Documents;

/// <summary>HSP/HA.2 in the demo has its documents for the provisional agenda, with placeholder files that say they are demo.</summary>
public sealed class DemoDocumentsTests(DemoAppFactory factory) : IClassFixture<DemoAppFactory>
{
    private Task<T> InDbAsync<T>(Func<SessionsDbContext, Task<T>> query) =>
        factory.InScopeAsync(sp => query(sp.GetRequiredService<SessionsDbContext>()));

    [Fact]
    public async Task Cooperation_with_partners_is_under_the_executive_directors_item_in_six_languages_with_readable_demo_files()
    {
        var document = await InDbAsync(db => db.Documents.AsNoTracking().Include(d => d.Files).ThenInclude(f => f.StoredFile).Include(d => d.AgendaItems)
            .SingleAsync(d => d.Symbol == "HSP/HA.2/4/Add.2"));
        Assert.True(document.IsDemo);
        Assert.Equal(new DateOnly(2023, 4, 12), document.DistributedOn);
        Assert.Equal(Languages.English, document.OriginalLanguage);
        Assert.Equal("Cooperation with partners", document.Title.Original);
        Assert.Equal("与伙伴的合作", document.Title.In(Languages.Chinese).Text);
        Assert.Equal("Coopération avec les partenaires", document.Title.In(Languages.French).Text);

        var itemId = Assert.Single(document.AgendaItems).AgendaItemId;
        var item = await InDbAsync(db => db.AgendaItems.AsNoTracking().SingleAsync(a => a.Id == itemId));
        Assert.Contains("coordination matters", $"{item.Title}", StringComparison.OrdinalIgnoreCase);

        Assert.Equal(Languages.All.Order(), document.CurrentFiles.Select(f => f.Language).Order());
        await factory.InScopeAsync(async sp =>
        {
            var store = sp.GetRequiredService<IFileStore>();
            foreach (var file in document.CurrentFiles)
            {
                await using var stream = store.OpenRead(file.StoredFile!);
                using var reader = new StreamReader(stream, Encoding.ASCII);
                var text = await reader.ReadToEndAsync();
                Assert.StartsWith("%PDF-", text);
                Assert.Contains("DEMO placeholder - not the real document", text);
                Assert.Contains("HSP/HA.2/4/Add.2", text);
                Assert.EndsWith("%%EOF\n", text);
                Assert.Equal("application/pdf", file.StoredFile!.ContentType);
                Assert.Equal($"HSP-HA.2-4-Add.2-{file.Language.ToUpperInvariant()}.pdf", file.StoredFile.OriginalName);
            }
        });
    }

    [Fact]
    public async Task The_demo_has_the_agenda_the_annotated_agenda_a_word_file_a_draft_and_missing_language_versions()
    {
        var documents = await InDbAsync(db => db.Documents.AsNoTracking().Include(d => d.Files).ThenInclude(f => f.StoredFile)
            .Where(d => d.Symbol.StartsWith("HSP/HA.2/")).ToListAsync());

        Assert.All(documents, d => Assert.True(d.IsDemo));
        Assert.Contains(documents, d => d.Symbol == "HSP/HA.2/1" && d.Title.Original == "Provisional agenda" && d.Title.In(Languages.Arabic).Text == "جدول الأعمال المؤقت");
        Assert.Contains(documents, d => d.Symbol == "HSP/HA.2/1/Add.1" && d.Title.In(Languages.Russian).Text == "Аннотированная предварительная повестка дня");
        Assert.Contains(documents, d => d.IsDraft);
        Assert.Contains(documents, d => !d.IsDraft && d.MissingLanguages.Any());
        var word = Assert.Single(documents, d => d.Files.Any(f => f.StoredFile!.ContentType != "application/pdf"));
        await factory.InScopeAsync(async sp =>
        {
            var file = Assert.Single(word.Files);
            await using var stream = sp.GetRequiredService<IFileStore>().OpenRead(file.StoredFile!);
            using var docx = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(stream, false);
            Assert.Contains("DEMO placeholder", docx.MainDocumentPart!.Document.Body!.InnerText);
        });
    }

    [Fact]
    public async Task Starting_the_demo_sends_no_documents_notice()
    {
        await factory.InScopeAsync(sp => sp.GetRequiredService<SendDocumentsAvailableNotice.Handler>().SendDueAsync(CancellationToken.None));

        Assert.False(await InDbAsync(db => db.OutboundEmails.AnyAsync(e => e.Kind == NoticeKinds.DocumentsAvailable.Key)));
    }
}
