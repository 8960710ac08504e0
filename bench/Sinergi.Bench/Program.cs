using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;

// Drives HTTP load against a running Sinergi and reports latency percentiles and throughput per
// scenario, with a bare endpoint of the same app as the ceiling. bench/run.sh starts the app,
// makes a token and calls this; run it by hand with:
//   dotnet run -c Release --project bench/Sinergi.Bench -- --url http://127.0.0.1:5080 --token snrg_... \
//     [--email admin.palangkaraya@sinergi.test --password SinergiDemo2026] [--clients 8] [--seconds 10]

var options = Options.Parse(args);
var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Clients * 2, PooledConnectionLifetime = TimeSpan.FromMinutes(10), UseCookies = false, AllowAutoRedirect = false };
using var http = new HttpClient(handler) { BaseAddress = new Uri(options.Url), Timeout = TimeSpan.FromSeconds(30) };
var cookie = await LoginAsync(http, options);

var searchTerms = new[] { "kota", "barat", "timur", "selatan", "utara", "jaya", "raya", "kepulauan", "tengah", "aceh" };
var scenarios = new List<Scenario>
{
    new("ceiling: GET /healthz/live", _ => new HttpRequestMessage(HttpMethod.Get, "/healthz/live")),
    new("health: GET /healthz (database)", _ => new HttpRequestMessage(HttpMethod.Get, "/healthz")),
    new("api: regions, page of 50", i => Api($"/api/v1/regions?page={i % 12 + 1}&pageSize=50")),
    new("api: regions, name search", i => Api($"/api/v1/regions?q={searchTerms[i % searchTerms.Length]}")),
    new("api: OPDs of the region", i => Api($"/api/v1/opds?page=1&pageSize=50")),
    new("page: Beranda (signed in)", _ => Page("/")),
    new("page: OPD list (signed in)", _ => Page("/Settings/Opds")),
};

HttpRequestMessage Api(string url)
{
    var request = new HttpRequestMessage(HttpMethod.Get, url);
    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Token);
    return request;
}

HttpRequestMessage Page(string url)
{
    var request = new HttpRequestMessage(HttpMethod.Get, url);
    request.Headers.Add("Cookie", cookie);
    return request;
}

Console.WriteLine($"Sinergi benchmark: {options.Url}, {options.Clients} concurrent clients, {options.Seconds} s per scenario after {options.WarmupSeconds} s warm-up");
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
var results = new List<Result>();
foreach (var scenario in scenarios)
{
    await RunAsync(http, scenario, options.Clients, TimeSpan.FromSeconds(options.WarmupSeconds));
    var result = await RunAsync(http, scenario, options.Clients, TimeSpan.FromSeconds(options.Seconds));
    results.Add(result);
    Console.WriteLine($"  {result.Name}: {result.RequestsPerSecond:F0} req/s, p95 {result.P95:F1} ms{(result.Errors > 0 ? $", {result.Errors} errors" : "")}");
}

var table = new StringBuilder();
table.AppendLine("| Scenario | req/s | p50 ms | p95 ms | p99 ms | errors |");
table.AppendLine("|---|---:|---:|---:|---:|---:|");
foreach (var r in results)
    table.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {r.Name} | {r.RequestsPerSecond:F0} | {r.P50:F1} | {r.P95:F1} | {r.P99:F1} | {r.Errors} |"));
Console.WriteLine();
Console.Write(table);
if (options.Output is { } output)
{
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
    await File.WriteAllTextAsync(output, table.ToString());
}
return results.Any(r => r.Errors > 0) ? 1 : 0;

static async Task<Result> RunAsync(HttpClient http, Scenario scenario, int clients, TimeSpan duration)
{
    var stopAt = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
    var latencies = new List<double>[clients];
    var errors = 0;
    var started = Stopwatch.GetTimestamp();
    await Task.WhenAll(Enumerable.Range(0, clients).Select(async client =>
    {
        var mine = latencies[client] = new List<double>(16_384);
        var i = client;
        while (Stopwatch.GetTimestamp() < stopAt)
        {
            using var request = scenario.Request(i++);
            var begin = Stopwatch.GetTimestamp();
            try
            {
                using var response = await http.SendAsync(request);
                await response.Content.CopyToAsync(Stream.Null);
                if (response.StatusCode != HttpStatusCode.OK)
                    Interlocked.Increment(ref errors);
            }
            catch (HttpRequestException)
            {
                Interlocked.Increment(ref errors);
            }
            mine.Add(Stopwatch.GetElapsedTime(begin).TotalMilliseconds);
        }
    }));
    var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
    var all = latencies.SelectMany(l => l).Order().ToArray();
    double Percentile(double p) => all.Length == 0 ? 0 : all[Math.Min(all.Length - 1, (int)Math.Ceiling(p * all.Length) - 1)];
    return new Result(scenario.Name, all.Length / elapsed, Percentile(0.50), Percentile(0.95), Percentile(0.99), errors);
}

static async Task<string> LoginAsync(HttpClient http, Options options)
{
    using var form = await http.GetAsync("/Account/Login");
    var html = await form.Content.ReadAsStringAsync();
    var token = Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
    var cookies = string.Join("; ", form.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
    using var login = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
    {
        Content = new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Input.Email", options.Email), new("Input.Password", options.Password)]),
    };
    login.Headers.Add("Cookie", cookies);
    using var response = await http.SendAsync(login);
    if (response.StatusCode != HttpStatusCode.Redirect || !response.Headers.TryGetValues("Set-Cookie", out var set))
        throw new InvalidOperationException($"Login as {options.Email} failed: {(int)response.StatusCode}");
    return string.Join("; ", set.Select(c => c.Split(';')[0]).Where(c => c.StartsWith("sinergi.auth", StringComparison.Ordinal)));
}

internal sealed record Scenario(string Name, Func<int, HttpRequestMessage> Request);

internal sealed record Result(string Name, double RequestsPerSecond, double P50, double P95, double P99, int Errors);

internal sealed record Options(string Url, string Token, string Email, string Password, int Clients, int Seconds, int WarmupSeconds, string? Output)
{
    public static Options Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != $"--{name}").Skip(1).FirstOrDefault();
        return new Options(
            Value("url") ?? "http://127.0.0.1:5080",
            Value("token") ?? throw new ArgumentException("--token is required (make one with: Sinergi.Web create-token --email <email>)"),
            Value("email") ?? "admin.palangkaraya@sinergi.test",
            Value("password") ?? "SinergiDemo2026",
            int.Parse(Value("clients") ?? "8", CultureInfo.InvariantCulture),
            int.Parse(Value("seconds") ?? "10", CultureInfo.InvariantCulture),
            int.Parse(Value("warmup") ?? "2", CultureInfo.InvariantCulture),
            Value("output"));
    }
}
