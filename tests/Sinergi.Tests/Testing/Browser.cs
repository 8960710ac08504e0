using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Sinergi.Tests.Testing;

/// <summary>
/// A person at a browser without JavaScript: keeps cookies, reads pages as HTML and submits
/// forms with their antiforgery token, the way the server-rendered pages are meant to work.
/// <paramref name="address"/> is where the browser thinks the app lives (scheme and host), by default http://localhost.
/// </summary>
public sealed class Browser(WebApplicationFactory<Program> app, Uri? address = null)
{
    public const string DemoPassword = Demo.Password;

    public HttpClient Http { get; } = app.CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = true,
        BaseAddress = address ?? new Uri("http://localhost"),
    });

    /// <summary>The app this browser talks to, for steps that wait on its background work.</summary>
    public WebApplicationFactory<Program> App => app;

    public HttpResponseMessage? Last { get; private set; }

    public async Task<IDocument> GetAsync(string url)
    {
        Last = await Http.GetAsync(url);
        return await ParseAsync(Last);
    }

    public async Task<IDocument> FollowAsync(HttpResponseMessage response)
    {
        Last = response;
        var hops = 0;
        while (Last.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther && hops++ < 5)
            Last = await Http.GetAsync(Last.Headers.Location);
        return await ParseAsync(Last);
    }

    /// <summary>
    /// Submits the form as a browser would: every field with its current value (checked boxes,
    /// selected options, text), with <paramref name="values"/> replacing the fields they name and
    /// <paramref name="cleared"/> sent as unchecked or unselected (their hidden companions still go, as in a browser).
    /// </summary>
    /// <param name="action">Where a submit button with its own <c>formaction</c> sends the form; the form's action otherwise.</param>
    public async Task<HttpResponseMessage> SubmitAsync(IDocument page, string formSelector, IEnumerable<KeyValuePair<string, string>> values, IEnumerable<string>? cleared = null,
        string? action = null)
    {
        var form = page.QuerySelector<IHtmlFormElement>(formSelector)
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {page.Url}: {page.Title}");
        var given = values.ToList();
        var replaced = given.Select(v => v.Key).ToHashSet();
        var clearedNames = (cleared ?? []).ToHashSet();
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.QuerySelectorAll("input, select, textarea"))
        {
            var name = element.GetAttribute("name");
            if (name is null || replaced.Contains(name) || element.HasAttribute("disabled")
                || (clearedNames.Contains(name) && element.GetAttribute("type") != "hidden"))
                continue;
            switch (element)
            {
                case IHtmlInputElement input when input.Type is "submit" or "button" or "file" or "image" or "reset":
                    break;
                case IHtmlInputElement input when input.Type is "checkbox" or "radio":
                    if (input.HasAttribute("checked"))
                        fields.Add(new(name, input.GetAttribute("value") ?? "on"));
                    break;
                case IHtmlInputElement input:
                    fields.Add(new(name, input.GetAttribute("value") ?? ""));
                    break;
                case IHtmlSelectElement select:
                    var selected = select.QuerySelectorAll("option[selected]").ToList();
                    if (selected.Count == 0 && !select.IsMultiple && select.QuerySelector("option") is { } first)
                        selected.Add(first);
                    fields.AddRange(selected.Select(o => KeyValuePair.Create(name, o.GetAttribute("value") ?? o.TextContent)));
                    break;
                case IHtmlTextAreaElement textarea:
                    fields.Add(new(name, textarea.TextContent.TrimStart('\n')));
                    break;
            }
        }
        fields.AddRange(given);
        var target = new Uri(new Uri(page.Url), action ?? form.GetAttribute("action") ?? "");
        Last = await Http.PostAsync(target.PathAndQuery, new FormUrlEncodedContent(fields));
        return Last;
    }

    public async Task<IDocument> LoginAsync(string email, string password = DemoPassword)
    {
        var page = await GetAsync("/Account/Login");
        var response = await SubmitAsync(page, "form", [new("Input.Email", email), new("Input.Password", password)]);
        return await FollowAsync(response);
    }

    public async Task LogoutAsync()
    {
        var home = await GetAsync("/");
        await SubmitAsync(home, "form[action='/Account/Logout']", []);
    }

    private static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        return await context.OpenAsync(r => r.Content(html).Address(response.RequestMessage!.RequestUri!));
    }
}

public static class PageAssertions
{
    /// <summary>The visible text of the elements, with whitespace collapsed.</summary>
    public static string Text(this IDocument page, string selector) =>
        string.Join(" ", page.QuerySelectorAll(selector).Select(e => string.Join(' ', e.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))));

    public static string FieldError(this IDocument page, string field) =>
        page.QuerySelector($"span[data-valmsg-for='{field}']")?.TextContent.Trim() ?? "";
}
