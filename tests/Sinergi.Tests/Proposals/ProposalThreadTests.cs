using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sinergi.Features.Proposals;
using Sinergi.Tests.Infrastructure.Files;
using Sinergi.Tests.Testing;

namespace Sinergi.Tests.Proposals;

/// <summary>Discussion: a thread per proposal and per document, with attachments checked like the proposal's documents.</summary>
public abstract class ProposalThreadTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SinergiApp
{
    private static MultipartFormDataContent Form(string token, string body, string? documentType = null, (byte[] Bytes, string Name)? file = null)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(body), "body" },
            { new StringContent(documentType ?? ""), "documentType" },
        };
        if (file is { } f)
            form.Add(new ByteArrayContent(f.Bytes), "file", f.Name);
        return form;
    }

    [Fact]
    public async Task The_tkksd_posts_to_the_proposal_thread_with_an_attachment_and_the_operator_answers_in_the_kak_thread_and_reads_both()
    {
        var id = await ProposalSteps.CreateAsync(app, "Usulan untuk diskusi");
        var tkksd = new Browser(app);
        await tkksd.LoginAsync(Demo.Accounts.Tkksd);
        var page = await tkksd.GetAsync($"/Proposals/Details/{id}");
        var token = page.QuerySelector("#thread-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var posted = await tkksd.FollowAsync(await tkksd.Http.PostAsync($"/Proposals/Details/{id}?handler=Message",
            Form(token, "Mohon lengkapi data sasaran per kelurahan.", file: (TestFiles.Fixture("nota-kesepakatan.pdf"), "catatan.pdf"))));
        var message = posted.QuerySelector("[data-thread=usulan] .message")!;
        Assert.Contains("Mohon lengkapi data sasaran per kelurahan.", message.TextContent);
        var link = message.QuerySelector("a[href^='/Proposals/Attachment/']")!.GetAttribute("href")!;
        var download = await tkksd.Http.GetAsync(link);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);

        // A file that is not what its name says is refused, and nothing is posted.
        var count = await app.WithDbAsync(db => db.ProposalMessages.CountAsync(m => m.ProposalId == id));
        var refused = await tkksd.Http.PostAsync($"/Proposals/Details/{id}?handler=Message",
            Form(token, "Lampiran palsu", file: ("bukan pdf"u8.ToArray(), "palsu.pdf")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal(count, await app.WithDbAsync(db => db.ProposalMessages.CountAsync(m => m.ProposalId == id)));

        var operatorApi = await ProposalSteps.ApiAsync(app, Demo.Accounts.DinkesOperator);
        var answer = await operatorApi.PostAsJsonAsync($"/api/v1/proposals/{id}/thread", new { documentType = ProposalDocumentTypes.Kak, body = "KAK versi 2 menyusul besok." });
        Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
        var empty = await operatorApi.PostAsJsonAsync($"/api/v1/proposals/{id}/thread", new { body = " " });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.True(JsonDocument.Parse(await empty.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").TryGetProperty("body", out _));

        var thread = JsonDocument.Parse(await operatorApi.GetStringAsync($"/api/v1/proposals/{id}/thread")).RootElement.EnumerateArray().ToList();
        Assert.Equal(2, thread.Count);
        Assert.Equal("catatan.pdf", thread[0].GetProperty("fileName").GetString());
        Assert.Equal("KAK (kerangka acuan kerja)", thread[1].GetProperty("thread").GetString());
        var reread = await tkksd.GetAsync($"/Proposals/Details/{id}");
        Assert.Contains("KAK versi 2 menyusul besok.", reread.Text("[data-thread=kak]"));

        // Another OPD's operator neither reads nor posts.
        var disbudpar = await ProposalSteps.ApiAsync(app, Demo.Accounts.DisbudparOperator);
        Assert.Equal(HttpStatusCode.NotFound, (await disbudpar.GetAsync($"/api/v1/proposals/{id}/thread")).StatusCode);
        var other = new Browser(app);
        await other.LoginAsync(Demo.Accounts.DisbudparOperator);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync(link)).StatusCode);
    }
}

public sealed class ProposalThreadTestsOnSqlite(SqliteApp app) : ProposalThreadTests<SqliteApp>(app);

public sealed class ProposalThreadTestsOnPostgres(PostgresApp app) : ProposalThreadTests<PostgresApp>(app);
