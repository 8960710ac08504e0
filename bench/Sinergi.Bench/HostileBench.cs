using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Sinergi.Tests.Testing;

namespace Sinergi.Bench;

/// <summary>
/// <c>Sinergi.Bench hostile</c>: the memory pass. Against a running Sinergi it measures the bare
/// <c>/healthz/live</c> ceiling and the Kerja Sama list when quiet, then uploads four hostile files,
/// one at a time, while the list is under the same load: the sparse workbook (import dry run),
/// the inflating PDF, the long-run DOCX and the many-sheet XLSX (documents of one agreement). For
/// each it reports the answer, what became of the text (read in the background, waited for), the
/// list's p95 from the upload until the text was read, and the app's peak resident memory then.
/// </summary>
internal static class HostileBench
{
    public const string Usage =
        "hostile --url http://127.0.0.1:5080 --token snrg_... --server-pid <pid> [--clients 8] [--seconds 10] [--scale 1] [--output file.md]";

    private sealed record HostileFile(string Name, string FileName, byte[] Bytes, bool Import);

    private sealed record Pass(HostileFile File, int Status, double AnswerMs, string Outcome, double ReadSeconds, LoadDriver.Result List, long PeakRss);

    public static async Task<int> RunAsync(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != $"--{name}").Skip(1).FirstOrDefault();
        var url = Value("url") ?? "http://127.0.0.1:5080";
        var token = Value("token") ?? throw new ArgumentException("--token is required");
        var pid = int.Parse(Value("server-pid") ?? throw new ArgumentException("--server-pid is required: the pass reports the app's memory"), CultureInfo.InvariantCulture);
        var clients = int.Parse(Value("clients") ?? "8", CultureInfo.InvariantCulture);
        var seconds = int.Parse(Value("seconds") ?? "10", CultureInfo.InvariantCulture);
        var scale = double.Parse(Value("scale") ?? "1", CultureInfo.InvariantCulture);

        var files = Generate(scale);
        var session = new LoadDriver.SessionCookie { InnerHandler = new SocketsHttpHandler { MaxConnectionsPerServer = clients * 2, UseCookies = false, AllowAutoRedirect = false } };
        using var http = new HttpClient(session) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(5) };
        session.Cookie = await LoadDriver.LoginAsync(http, Value("email") ?? "admin.palangkaraya@sinergi.test", Value("password") ?? "SinergiDemo2026");
        using var api = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(5) };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var agreement = await FirstAgreementAsync(api);

        HttpRequestMessage Page(string path)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Add("Cookie", session.Cookie);
            return request;
        }
        var ceiling = new LoadDriver.Scenario("ceiling: GET /healthz/live", _ => new HttpRequestMessage(HttpMethod.Get, "/healthz/live"));
        var list = new LoadDriver.Scenario("page: Kerja Sama list", i => Page(LoadDriver.ListPages[i % LoadDriver.ListPages.Length]));
        await LoadDriver.MeasureAsync(http, ceiling, clients, TimeSpan.FromSeconds(3));
        await LoadDriver.MeasureAsync(http, list, clients, TimeSpan.FromSeconds(3));
        // A first upload of each kind pays for the code it runs for the first time; the passes should not.
        foreach (var (name, bytes) in new[] { ("pemanasan.pdf", HostileFiles.ManyPagePdf(2)), ("pemanasan.docx", HostileFiles.LongRunDocx(10)) })
        {
            using var warm = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", name }, { new StringContent("Pemanasan tolok ukur"), "title" } };
            using var answer = await api.PostAsync($"/api/v1/agreements/{agreement}/documents", warm);
            await TextStateAsync(api, agreement, JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt32());
        }
        var quietCeiling = await LoadDriver.MeasureAsync(http, ceiling, clients, TimeSpan.FromSeconds(seconds));
        var quietList = await LoadDriver.MeasureAsync(http, list, clients, TimeSpan.FromSeconds(seconds));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"quiet: ceiling p95 {quietCeiling.P95:F1} ms, list p95 {quietList.P95:F1} ms, app resident {Rss(pid) / 1048576} MB"));

        var passes = new List<Pass>();
        foreach (var file in files)
        {
            var pass = await UnderLoadAsync(http, api, list, clients, seconds, pid, agreement, file);
            passes.Add(pass);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {file.Name}: {pass.Status} in {pass.AnswerMs:F0} ms, {pass.Outcome}, list p95 {pass.List.P95:F1} ms, peak {pass.PeakRss / 1048576} MB"));
        }

        var table = Table(quietCeiling, quietList, passes, HighWaterMark(pid));
        Console.WriteLine();
        Console.Write(table);
        if (Value("output") is { } output)
            await File.WriteAllTextAsync(output, table);
        return passes.All(p => p.Status is 201 or 400) ? 0 : 1;
    }

    /// <summary>The four files of the issue; at scale 1 at their sizes there (a 1 GB inflation, 190 million characters, some 9 MB of sheets).</summary>
    private static List<HostileFile> Generate(double scale)
    {
        var clock = Stopwatch.StartNew();
        var files = new List<HostileFile>
        {
            new("sparse workbook (A1:XFD1048576, one cell), import dry run", "jebakan.xlsx", HostileFiles.SparseWorkbook(), Import: true),
            new("PDF whose content inflates to 1 GB", "mengembang.pdf", HostileFiles.InflatingPdf((long)(1024L * 1024 * 1024 * scale), "Naskah hostil dermaga"), Import: false),
            new("DOCX of one 190-million-character run", "satu-run.docx", HostileFiles.LongRunDocx((int)(190_000_000 * scale), "Naskah hostil reservoir"), Import: false),
            new("XLSX of 20 large sheets", "dua-puluh-lembar.xlsx", HostileFiles.ManySheetWorkbook(20, (int)(20_000 * scale), "hostil"), Import: false),
        };
        foreach (var file in files)
            Console.WriteLine($"{file.FileName}: {file.Bytes.Length / 1024.0:N0} KiB");
        Console.WriteLine($"hostile files written in {clock.Elapsed.TotalSeconds:F0} s");
        return files;
    }

    private static async Task<Pass> UnderLoadAsync(HttpClient http, HttpClient api, LoadDriver.Scenario list, int clients, int seconds, int pid, int agreement, HostileFile file)
    {
        var peak = 0L;
        var done = false;
        var sampler = Task.Run(async () =>
        {
            while (!Volatile.Read(ref done))
            {
                peak = Math.Max(peak, Rss(pid));
                await Task.Delay(20);
            }
        });
        var started = Stopwatch.StartNew();
        var load = LoadDriver.MeasureAsync(http, list, clients, () => !Volatile.Read(ref done) || started.Elapsed < TimeSpan.FromSeconds(seconds));
        await Task.Delay(TimeSpan.FromSeconds(1));

        using var form = new MultipartFormDataContent { { new ByteArrayContent(file.Bytes), "file", file.FileName } };
        if (!file.Import)
            form.Add(new StringContent($"Berkas hostil: {file.FileName}"), "title");
        var answered = Stopwatch.StartNew();
        using var response = await api.PostAsync(file.Import ? "/api/v1/imports?dryRun=true" : $"/api/v1/agreements/{agreement}/documents", form);
        var answerMs = answered.Elapsed.TotalMilliseconds;
        var body = await response.Content.ReadAsStringAsync();
        string outcome;
        if (file.Import || response.StatusCode != HttpStatusCode.Created)
            outcome = Shorten(JsonDocument.Parse(body).RootElement.TryGetProperty("errors", out var errors) ? errors.GetProperty("file")[0].GetString()! : body);
        else
            outcome = await TextStateAsync(api, agreement, JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt32());
        var readSeconds = answered.Elapsed.TotalSeconds;
        // Keep the list under load for the whole window, then a little more, so the upload's work is inside it.
        await Task.Delay(TimeSpan.FromSeconds(1));
        Volatile.Write(ref done, true);
        var result = await load;
        await sampler;
        return new Pass(file, (int)response.StatusCode, answerMs, outcome, readSeconds, result, peak);
    }

    /// <summary>Waits until the version's text has been read, and says how far it got.</summary>
    private static async Task<string> TextStateAsync(HttpClient api, int agreement, int versionId)
    {
        var giveUp = Stopwatch.StartNew();
        while (giveUp.Elapsed < TimeSpan.FromMinutes(10))
        {
            using var json = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/agreements/{agreement}"));
            var version = json.RootElement.GetProperty("documents").EnumerateArray().SelectMany(d => d.GetProperty("versions").EnumerateArray())
                .Single(v => v.GetProperty("id").GetInt32() == versionId);
            var state = version.GetProperty("textState").GetString();
            if (state != "pending")
                return version.GetProperty("textNote").GetString() is { } note ? $"text {state}: {note}" : $"text {state}";
            await Task.Delay(250);
        }
        return "text still pending after 10 minutes";
    }

    private static async Task<int> FirstAgreementAsync(HttpClient api)
    {
        using var json = JsonDocument.Parse(await api.GetStringAsync("/api/v1/agreements?pageSize=1&status=berlaku"));
        return json.RootElement.GetProperty("items")[0].GetProperty("id").GetInt32();
    }

    private static string Shorten(string text) => text.Length <= 160 ? text : text[..157] + "...";

    private static long Rss(int pid) => Status(pid, "VmRSS:");

    private static long HighWaterMark(int pid) => Status(pid, "VmHWM:");

    private static long Status(int pid, string field)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static string Table(LoadDriver.Result ceiling, LoadDriver.Result quiet, List<Pass> passes, long highWater)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Hostile-files pass ({DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores, .NET {Environment.Version}), the list under {passes.FirstOrDefault()?.List.RequestsPerSecond:F0} req/s of load:");
        text.AppendLine();
        text.AppendLine("| Upload | File | Answer | Text / refusal | Until read s | list p95 ms | ×quiet | p95 × ceiling | peak RSS MB |");
        text.AppendLine("|---|---:|---|---|---:|---:|---:|---:|---:|");
        text.AppendLine(CultureInfo.InvariantCulture, $"| quiet: ceiling GET /healthz/live, p95 {ceiling.P95:F1} ms | | | | | {quiet.P95:F1} | 1.0 | {LoadDriver.Multiple(quiet.P95, ceiling.P95)} | |");
        foreach (var p in passes)
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {p.File.Name} | {p.File.Bytes.Length / 1024.0:N0} KB | {p.Status} in {p.AnswerMs:F0} ms | {p.Outcome} | {p.ReadSeconds:F1} | {p.List.P95:F1} | {p.List.P95 / quiet.P95:F1} | {LoadDriver.Multiple(p.List.P95, ceiling.P95)} | {p.PeakRss / 1048576} |");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"The app's resident high-water mark over the whole run (load scenarios included): {highWater / 1048576} MB.");
        return text.ToString();
    }
}
