using Microsoft.AspNetCore.Razor.TagHelpers;
using Sessions.Core.Common;

namespace Sessions.Web.Infrastructure.Localisation;

/// <summary>
/// <c>&lt;span translated="@session.Title"&gt;&lt;/span&gt;</c>: the element's content becomes the text in the reader's
/// language; where it is shown in another language (the original, for want of a translation) the element says which
/// (<c>lang</c>) and takes that language's direction (<c>dir</c>), so English stays left-to-right on an Arabic page and
/// Arabic right-to-left on an English one. Takes a <see cref="TranslatedText"/> or a <see cref="TextIn"/> already chosen.
/// </summary>
[HtmlTargetElement(Attributes = "translated")]
public sealed class TranslatedTextTagHelper : TagHelper
{
    public object? Translated { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var reader = Cultures.Current;
        TextIn? shown = Translated switch
        {
            TranslatedText translated => translated.In(reader),
            TextIn chosen => chosen,
            _ => null,
        };
        if (shown is not { } text)
        {
            return;
        }

        output.Content.SetContent(text.Text);
        Mark(output, text.Language, reader);
    }

    /// <summary>Marks an element holding text in <paramref name="language"/> when the page is in another.</summary>
    public static void Mark(TagHelperOutput output, string language, string reader)
    {
        if (language == reader)
        {
            return;
        }

        output.Attributes.SetAttribute("lang", language);
        output.Attributes.SetAttribute("dir", language == Languages.Arabic ? "rtl" : "ltr");
    }
}
