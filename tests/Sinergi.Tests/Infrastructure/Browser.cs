using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Sinergi.Tests.Infrastructure;

/// <summary>
/// A person at a browser without JavaScript: keeps cookies, reads pages as HTML and submits
/// forms with their antiforgery token, the way the server-rendered pages are meant to work.
/// </summary>
public sealed class Browser(SinergiApp app)
{
    public const string DemoPassword = "SinergiDemo2026";

    public HttpClient Http { get; } = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

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

    /// <summary>Fills the named fields of the form and submits it, as its own submit button would.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(IDocument page, string formSelector, IEnumerable<KeyValuePair<string, string>> values)
    {
        var form = page.QuerySelector<IHtmlFormElement>(formSelector)
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {page.Url}: {page.Title}");
        var fields = new List<KeyValuePair<string, string>>();
        var token = form.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")?.Value
            ?? page.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")?.Value;
        if (token is not null)
            fields.Add(new("__RequestVerificationToken", token));
        var given = values.ToList();
        foreach (var hidden in form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]"))
        {
            if (hidden.Name is { } name && name != "__RequestVerificationToken" && given.All(v => v.Key != name))
                fields.Add(new(name, hidden.Value));
        }
        fields.AddRange(given);
        var action = new Uri(new Uri(page.Url), form.GetAttribute("action") ?? "");
        Last = await Http.PostAsync(action.PathAndQuery, new FormUrlEncodedContent(fields));
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
