using AngleSharp.Dom;

namespace Sinergi.Tests.Testing;

/// <summary>The detail page's upload form as a person uses it.</summary>
public static class DocumentSteps
{
    /// <summary>Posts the detail page's upload form with a file, as a browser sends multipart data.</summary>
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
        return await browser.FollowAsync(await browser.Http.PostAsync($"/Agreements/Details/{agreementId}?handler=Upload", form));
    }
}
