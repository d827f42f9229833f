using Microsoft.AspNetCore.Razor.TagHelpers;
using Sessions.Core.Common;

namespace Sessions.Web.Infrastructure.Localisation;

/// <summary>
/// <c>@T["Meeting {0}", m.Number]&lt;span meeting-name="@m.Name"&gt;&lt;/span&gt;</c>: " — High-level segment" after a
/// meeting's number, in the reader's language (marked like <see cref="TranslatedTextTagHelper"/> where it is the
/// original); nothing at all for a meeting without a name.
/// </summary>
[HtmlTargetElement(Attributes = "meeting-name")]
public sealed class MeetingNameTagHelper : TagHelper
{
    public TranslatedText? MeetingName { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (MeetingName is null)
        {
            output.SuppressOutput();
            return;
        }

        var reader = Cultures.Current;
        var shown = MeetingName.In(reader);
        output.PreElement.SetContent(" — ");
        output.Content.SetContent(shown.Text);
        TranslatedTextTagHelper.Mark(output, shown.Language, reader);
    }
}
