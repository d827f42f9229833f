using Sessions.Core.Common;
using Sessions.Web.Infrastructure.Forms;
using Sessions.Web.Infrastructure.Localisation;

namespace Sessions.Tests.Documents;

public sealed class TranslatedTextTests
{
    private static TranslatedText Assembly()
    {
        var text = new TranslatedText("United Nations Habitat Assembly", Languages.English);
        text.Translate(Languages.Arabic, " جمعية الأمم المتحدة للموئل ");
        text.Translate(Languages.Chinese, "联合国人居大会");
        return text;
    }

    [Fact]
    public void A_reader_sees_their_language_and_the_original_where_there_is_no_translation()
    {
        var text = Assembly();
        Assert.Equal(new TextIn("جمعية الأمم المتحدة للموئل", Languages.Arabic), text.In(Languages.Arabic));
        Assert.Equal(new TextIn("United Nations Habitat Assembly", Languages.English), text.In(Languages.Russian));
        Assert.Equal([Languages.French, Languages.Russian, Languages.Spanish], text.MissingLanguages);
    }

    [Fact]
    public void Its_text_as_a_string_is_in_the_current_ui_language()
    {
        var text = Assembly();
        Assert.Equal("联合国人居大会", Cultures.In(Languages.Chinese, () => text.ToString()));
        Assert.Equal("United Nations Habitat Assembly", Cultures.In(Languages.Spanish, () => $"{text}"));
    }

    [Fact]
    public void Rewriting_the_original_in_a_translated_language_drops_that_translation_and_an_empty_text_clears_one()
    {
        var text = Assembly();
        text.Rewrite("联合国人居大会（中文原文）", Languages.Chinese);
        text.Translate(Languages.Arabic, "  ");
        text.Translate(Languages.English, "United Nations Habitat Assembly");

        Assert.Equal(Languages.Chinese, text.OriginalLanguage);
        Assert.Null(text.Zh);
        Assert.Null(text.Ar);
        Assert.Equal("联合国人居大会（中文原文）", text.Written(Languages.Chinese));
        Assert.Equal("United Nations Habitat Assembly", text.Written(Languages.English));
    }

    [Fact]
    public void An_empty_original_or_a_language_outside_the_six_is_refused()
    {
        Assert.Equal("The text in its original language is required.", Assert.Throws<DomainException>(() => new TranslatedText(" ", Languages.English)).Message);
        Assert.Equal("Choose one of the six UN languages.", Assert.Throws<DomainException>(() => new TranslatedText("Assembly", "de")).Message);
        Assert.Equal("Choose one of the six UN languages.", Assert.Throws<DomainException>(() => Assembly().Translate("pt", "Assembleia")).Message);
    }

    [Fact]
    public void The_form_round_trips_a_text_and_asks_for_the_original_language_s_field()
    {
        var form = TranslatedTextForm.From(Assembly());
        Assert.Equal("联合国人居大会", form.Zh);
        var back = form.ToText();
        Assert.Equal(Assembly().In(Languages.Arabic), back.In(Languages.Arabic));

        var empty = new TranslatedTextForm { OriginalLanguage = Languages.French, En = "Only in English" };
        var errors = empty.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(empty)).ToList();
        Assert.Equal("Enter the text in its original language.", Assert.Single(errors).ErrorMessage);
        Assert.Equal(["Fr"], Assert.Single(errors).MemberNames);
    }

    [Fact]
    public void A_copy_is_a_separate_text_with_the_same_languages()
    {
        var original = Assembly();
        var copy = original.Copy();
        copy.Translate(Languages.French, "Assemblée des Nations Unies pour les établissements humains");
        Assert.Null(original.Fr);
        Assert.Equal(original.In(Languages.Chinese), copy.In(Languages.Chinese));
    }
}
