using Sessions.Core.Common;
using Sessions.Core.Documents;
using Sessions.Core.Notices;

namespace Sessions.Tests.Documents;

/// <summary>The lines of the documents notice (a pure rule) and how a linked list renders in a notice.</summary>
public sealed class DocumentsAvailableListTests
{
    private const string Documents = "https://sessions.example/sessions/7/documents";

    private static readonly DocumentsAvailableNotice.NewDocument[] _documents =
    [
        new(12, "HSP/HA.2/4/Add.2", Translated("Cooperation with partners", ("zh", "与伙伴的合作")), ["en", "zh"]),
        new(10, "HSP/HA.2/1", Translated("Provisional agenda", ("ar", "جدول الأعمال المؤقت")), ["en", "ar"]),
    ];

    private static TranslatedText Translated(string english, params (string Language, string Text)[] translations)
    {
        var text = TranslatedText.English(english);
        foreach (var (language, translation) in translations)
        {
            text.Translate(language, translation);
        }

        return text;
    }

    [Fact]
    public void Lines_are_in_symbol_order_with_the_readers_title_and_version_or_else_the_original_and_the_documents_page()
    {
        var chinese = DocumentsAvailableNotice.Lines(_documents, Languages.Chinese, Documents);

        Assert.Equal(
        [
            new NoticeValue.ListingLine("HSP/HA.2/1 — Provisional agenda", $"{Documents}/10", "en"),
            new NoticeValue.ListingLine("HSP/HA.2/4/Add.2 — 与伙伴的合作", $"{Documents}/12/zh", "zh"),
        ],
            chinese);
    }

    [Fact]
    public void A_listing_is_lines_with_their_address_in_text_and_anchors_marked_with_a_foreign_language_in_html()
    {
        var lines = DocumentsAvailableNotice.Lines(_documents, Languages.Arabic, Documents);
        var template = new NoticeText("x", "New:\n\n{DocumentList}\n\nAll: {DocumentsLink}");
        var values = new NoticeValues { { "DocumentList", new NoticeValue.Listing(lines) }, { "DocumentsLink", new NoticeValue.Link(Documents) } };

        var rendered = NoticeRenderer.Render(template, Languages.Arabic, "a@example.org", null, values);

        Assert.Equal(
            $"New:\n\n- HSP/HA.2/1 — جدول الأعمال المؤقت\n  {Documents}/10/ar\n- HSP/HA.2/4/Add.2 — Cooperation with partners\n  {Documents}/12\n\nAll: {Documents}\n",
            rendered.Text);
        Assert.Contains(
            $"<p><a href=\"{Documents}/10/ar\">HSP/HA.2/1 — جدول الأعمال المؤقت</a><br><a href=\"{Documents}/12\" lang=\"en\" dir=\"ltr\">HSP/HA.2/4/Add.2 — Cooperation with partners</a></p>",
            rendered.Html,
            StringComparison.Ordinal);
    }
}
