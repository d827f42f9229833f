using System.ComponentModel.DataAnnotations;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;
using Sessions.Web.Infrastructure.Localisation;

namespace Sessions.Web.Infrastructure.Forms;

/// <summary>The ids every form's fields, messages and summary agree on, from the field's name.</summary>
public static class FieldIds
{
    public static string Of(string fullName) => TagBuilder.CreateSanitizedId(fullName, "_");

    public static string MessageOf(string fullName) => Of(fullName) + "-error";
}

/// <summary>
/// Every field bound with asp-for: refused by the server, it says so to screen readers (aria-invalid, and
/// aria-describedby naming its message after any hint already named); and it carries the browser's own
/// constraints for the rules MVC already announces in data-val-* (required, lengths, range, pattern), which
/// forms.js checks with the server's messages. Runs after MVC's own tag helpers, which write data-val-*.
/// </summary>
[HtmlTargetElement("input", Attributes = "asp-for")]
[HtmlTargetElement("select", Attributes = "asp-for")]
[HtmlTargetElement("textarea", Attributes = "asp-for")]
public sealed class FieldStateTagHelper : TagHelper
{
    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; } = null!;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override int Order => 100;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var fullName = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        if (ViewContext.ViewData.ModelState.TryGetValue(fullName, out var entry) && entry.Errors.Count > 0)
        {
            output.Attributes.SetAttribute("aria-invalid", "true");
            var describedBy = output.Attributes.TryGetAttribute("aria-describedby", out var hint) ? hint.Value?.ToString() + " " : "";
            output.Attributes.SetAttribute("aria-describedby", describedBy + FieldIds.MessageOf(fullName));
        }

        var type = output.Attributes.TryGetAttribute("type", out var typeAttribute) ? typeAttribute.Value?.ToString() : null;
        if (type is "hidden" or "checkbox" or "radio" or "submit" or "button")
        {
            return;
        }

        if (output.Attributes.ContainsName("data-val-required") && !output.Attributes.ContainsName("required"))
        {
            output.Attributes.Add(new TagHelperAttribute("required"));
        }

        CopyConstraint(output, "data-val-length-max", "maxlength");
        CopyConstraint(output, "data-val-maxlength-max", "maxlength");
        CopyConstraint(output, "data-val-length-min", "minlength");
        CopyConstraint(output, "data-val-minlength-min", "minlength");
        CopyConstraint(output, "data-val-regex-pattern", "pattern");
        if (type == "number")
        {
            CopyConstraint(output, "data-val-range-min", "min");
            CopyConstraint(output, "data-val-range-max", "max");
        }
    }

    private static void CopyConstraint(TagHelperOutput output, string from, string to)
    {
        if (output.Attributes.TryGetAttribute(from, out var value) && !output.Attributes.ContainsName(to))
        {
            output.Attributes.SetAttribute(to, value.Value);
        }
    }
}

/// <summary>A field's message has the id its field names in aria-describedby and forms.js writes into.</summary>
[HtmlTargetElement("*", Attributes = "asp-validation-for")]
public sealed class FieldMessageTagHelper : TagHelper
{
    [HtmlAttributeName("asp-validation-for")]
    public ModelExpression For { get; set; } = null!;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override int Order => 100;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (!output.Attributes.ContainsName("id"))
        {
            output.Attributes.SetAttribute("id", FieldIds.MessageOf(ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name)));
        }
    }
}

/// <summary>
/// The label of a required field carries a visible mark and its meaning for screen readers; the form around it
/// (<see cref="RequiredLegendTagHelper"/>) then explains the mark once. A checkbox is never "required": unticked is an answer.
/// </summary>
[HtmlTargetElement("label", Attributes = "asp-for")]
public sealed class RequiredMarkTagHelper(IStringLocalizer<Text> t) : TagHelper
{
    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; } = null!;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override int Order => 100;

    public static bool IsRequired(Microsoft.AspNetCore.Mvc.ModelBinding.ModelMetadata metadata) =>
        metadata.UnderlyingOrModelType != typeof(bool)
        && (metadata.IsRequired || metadata.ValidatorMetadata.OfType<RequiredAttribute>().Any());

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        if (!IsRequired(For.Metadata))
        {
            return;
        }

        if (!output.IsContentModified)
        {
            output.Content.SetHtmlContent(await output.GetChildContentAsync());
        }

        output.Content
            .AppendHtml("<span class=\"required-mark\" aria-hidden=\"true\">*</span><span class=\"visually-hidden\"> ")
            .Append(t["(required)"].Value)
            .AppendHtml("</span>");
        RequiredLegendTagHelper.Note(ViewContext);
    }
}

/// <summary>A form holding a required field explains the mark once, at its top.</summary>
[HtmlTargetElement("form")]
public sealed class RequiredLegendTagHelper(IStringLocalizer<Text> t) : TagHelper
{
    private const string Key = "Sessions.RequiredFields";

    private StrongBox<bool> _box = new();
    private object? _outer;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override int Order => 100;

    /// <summary>Through the request, not the tag helper context: a label in a partial view counts too.</summary>
    public static void Note(ViewContext viewContext)
    {
        if (viewContext.HttpContext.Items[Key] is StrongBox<bool> box)
        {
            box.Value = true;
        }
    }

    /// <summary>Before any tag helper of the form runs its content (MVC's own does, to render the end of the form).</summary>
    public override void Init(TagHelperContext context)
    {
        var items = ViewContext.HttpContext.Items;
        _outer = items[Key];
        _box = new StrongBox<bool>();
        items[Key] = _box;
    }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        output.Content.SetHtmlContent(await output.GetChildContentAsync());
        ViewContext.HttpContext.Items[Key] = _outer;
        if (_box.Value)
        {
            output.PreContent
                .AppendHtml("<p class=\"required-legend\">")
                .Append(t["Fields marked * are required."].Value)
                .AppendHtml("</p>");
        }
    }
}
