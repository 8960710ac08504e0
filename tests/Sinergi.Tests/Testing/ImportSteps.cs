using AngleSharp.Dom;

namespace Sinergi.Tests.Testing;

/// <summary>The Impor page as a person uses it: upload a file, wait for the progress bar to finish.</summary>
public static class ImportSteps
{
    /// <summary>A fixture of tests/Sinergi.Tests/Import/Workbooks, as copied next to the tests.</summary>
    public static string WorkbookPath(string name) => Path.Combine(AppContext.BaseDirectory, "Import", "Workbooks", name);

    public static byte[] Workbook(string name) => File.ReadAllBytes(WorkbookPath(name));

    public static async Task<IDocument> UploadAsync(Browser browser, string fileName, byte[] bytes)
    {
        var page = await browser.GetAsync("/Import");
        var token = page.QuerySelector("#import-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new ByteArrayContent(bytes), "file", fileName } };
        return await browser.FollowAsync(await browser.Http.PostAsync("/Import", form));
    }

    /// <summary>Reloads the session page until the background job is done, as its progress bar would.</summary>
    public static async Task<IDocument> AwaitJobAsync(Browser browser, IDocument page)
    {
        var url = page.Url;
        for (var i = 0; i < 100 && page.QuerySelector("#import-progress") is not null; i++)
        {
            await Task.Delay(100);
            page = await browser.GetAsync(new Uri(url).PathAndQuery);
        }
        Assert.Null(page.QuerySelector("#import-progress"));
        return page;
    }

    /// <summary>Uploads, waits for the preview, saves it and waits for the save.</summary>
    public static async Task<IDocument> ImportAsync(Browser browser, string fileName, byte[] bytes)
    {
        var preview = await AwaitJobAsync(browser, await UploadAsync(browser, fileName, bytes));
        return await AwaitJobAsync(browser, await browser.FollowAsync(await browser.SubmitAsync(preview, "form[action*='handler=Save']", [])));
    }
}
