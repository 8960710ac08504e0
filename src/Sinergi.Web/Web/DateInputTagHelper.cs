using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Sinergi.Web;

/// <summary>
/// <c>&lt;input asp-for="Input.SignedOn" indonesian-date /&gt;</c>: a text field that takes a date the
/// Indonesian ways, shows the accepted forms as a hint, and (with JavaScript) a button that opens the
/// browser's own date picker and writes its choice back as <c>15 Januari 2025</c>. Without JavaScript
/// the field and its hint work alone.
/// </summary>
[HtmlTargetElement("input", Attributes = "asp-for,indonesian-date")]
public sealed class DateInputTagHelper : TagHelper
{
    public const string Hint = "mis. 15 Januari 2025 atau 15/01/2025";

    // After the framework's input tag helper, whose type and value it replaces.
    public override int Order => 1000;

    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; } = null!;

    /// <summary>A word about the field that goes before the hint: <c>Kosong: sejak ditandatangani.</c></summary>
    [HtmlAttributeName("date-note")]
    public string? Note { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.Attributes.RemoveAll("indonesian-date");
        var id = output.Attributes["id"]?.Value?.ToString() ?? For.Name.Replace('.', '_');
        output.Attributes.SetAttribute("type", "text");
        output.Attributes.SetAttribute("autocomplete", "off");
        var hintId = id + "-hint";
        var described = output.Attributes["aria-describedby"]?.Value?.ToString();
        output.Attributes.SetAttribute("aria-describedby", string.IsNullOrEmpty(described) ? hintId : $"{described} {hintId}");
        // What the person typed stays after a refused submit; a stored date reads the Indonesian way.
        var attempted = ViewContext.ViewData.ModelState.TryGetValue(For.Name, out var entry) ? entry.AttemptedValue : null;
        output.Attributes.SetAttribute("value", attempted ?? (For.Model is DateOnly date ? Indonesian.Date(date) : ""));
        output.PreElement.AppendHtml("<div class=\"input-group date-field\">");
        output.PostElement.AppendHtml($"<button type=\"button\" class=\"btn btn-outline-secondary date-pick\" data-date-for=\"{id}\" hidden aria-label=\"Pilih tanggal dari kalender\"><i class=\"bi bi-calendar3\" aria-hidden=\"true\"></i></button></div>");
        var hint = new Microsoft.AspNetCore.Html.HtmlContentBuilder();
        hint.AppendHtml($"<div class=\"form-text\" id=\"{hintId}\">");
        if (!string.IsNullOrEmpty(Note))
            hint.Append(Note + " ");
        hint.Append(Hint);
        hint.AppendHtml("</div>");
        output.PostElement.AppendHtml(hint);
    }
}
