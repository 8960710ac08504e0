using AngleSharp.Dom;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Sinergi.Features.Agreements.Documents;

namespace Sinergi.Tests.Testing;

/// <summary>The detail page's upload form as a person uses it.</summary>
public static class DocumentSteps
{
    /// <summary>
    /// Posts the detail page's upload form with a file, as a browser sends multipart data, and waits
    /// until the background worker has read its text (so its words can be searched). The page
    /// returned is the one the upload answered with.
    /// </summary>
    public static async Task<IDocument> UploadAsync(Browser browser, int agreementId, string fileName, byte[] bytes, string? title = null, int? documentId = null)
    {
        var page = await browser.GetAsync($"/Agreements/Details/{agreementId}");
        var token = page.QuerySelector("#upload-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(title ?? ""), "Upload.Title" },
            { new StringContent(documentId?.ToString() ?? ""), "Upload.DocumentId" },
            { new ByteArrayContent(bytes), "Upload.File", fileName },
        };
        var answer = await browser.FollowAsync(await browser.Http.PostAsync($"/Agreements/Details/{agreementId}?handler=Upload", form));
        await TextsReadAsync(browser.App);
        return answer;
    }

    /// <summary>Waits until the app's worker has read the text of every version uploaded so far.</summary>
    public static Task TextsReadAsync(WebApplicationFactory<Program> app) =>
        app.Services.GetRequiredService<DocumentTexts>().WhenIdleAsync(new CancellationTokenSource(TimeSpan.FromMinutes(1)).Token);
}
