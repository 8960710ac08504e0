using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Sinergi.Bench;

/// <summary>
/// Drives HTTP load against a running Sinergi and reports latency percentiles and throughput per
/// scenario, with a bare endpoint of the same app as the ceiling, measured first in the same run.
/// The registry scenarios read the region of the signed-in admin (62.71 in the demo, the big
/// region of <c>generate</c>).
/// </summary>
internal static class LoadDriver
{
    public const string Usage =
        "[load] --url http://127.0.0.1:5080 --token snrg_... [--email admin.palangkaraya@sinergi.test --password SinergiDemo2026] " +
        "[--clients 8] [--seconds 10] [--warmup 3] [--only list,search] [--server-pid <pid>] [--output results.md]";

    private static readonly string[] RegionSearchTerms = ["kota", "barat", "timur", "selatan", "utara", "jaya", "raya", "kepulauan", "tengah", "aceh"];

    /// <summary>Words of the generated documents, a few of them two-word queries; from rare (stunting) to common (air).</summary>
    private static readonly string[] RegistrySearchTerms =
        ["sampah", "air minum", "pendidikan", "kesehatan", "pariwisata", "jembatan", "irigasi", "gambut", "stunting", "umkm",
         "jalan desa", "sampah plastik", "beasiswa guru", "air"];

    internal static readonly string[] ListPages =
        ["/Agreements", "/Agreements?p=2", "/Agreements?status=berlaku", "/Agreements?kind=ksdpk&p=3", "/Agreements?status=akan-berakhir",
         "/Agreements?type=pks&p=5", "/Agreements?sort=berakhir&p=4", "/Agreements?status=berakhir&p=10", "/Agreements?kind=ksdd&type=kb",
         "/Agreements?p=40"];

    internal static readonly string[] FormalitasPages =
        ["/Agreements?flag=formalitas", "/Agreements?flag=formalitas&p=2", "/Agreements?flag=formalitas&kind=ksdpk", "/Agreements?flag=formalitas&sort=berakhir"];

    /// <summary>
    /// The k-th of 7,560 views of the list (status × kind × document type × signing year × page),
    /// spread so that neighbours differ: a view the server has not been asked for since the run began.
    /// </summary>
    private static string FreshListPage(int k)
    {
        string?[] statuses = [null, "draf", "belum-berlaku", "berlaku", "akan-berakhir", "berakhir", "diakhiri"];
        string?[] kinds = [null, "ksdd", "ksdpk", "sinergi", "ksdpl", "ksdll"];
        string?[] types = [null, "kb", "nk", "pks", "adendum", "loi-mou"];
        var n = (int)((uint)k * 2654435761u % 7560u);
        var parts = new List<string> { $"p={n % 3 + 1}" };
        if (statuses[n / 3 % 7] is { } status) parts.Add($"status={status}");
        if (kinds[n / 21 % 6] is { } kind) parts.Add($"kind={kind}");
        if (types[n / 126 % 6] is { } type) parts.Add($"type={type}");
        if (n / 756 % 10 is > 0 and var year) parts.Add($"year={2016 + year}");
        return "/Agreements?" + string.Join('&', parts);
    }

    private static readonly string[] ListQueries =
        ["page=1", "status=berlaku&kind=ksdpk&page=2", "status=berakhir&page=5", "kind=sinergi&type=nk", "status=akan-berakhir",
         "type=pks&sort=judul&page=3", "page=20", "status=berlaku&sort=berakhir&page=4", "kind=ksdd&page=6", "status=draf"];

    public static async Task<int> RunAsync(string[] args)
    {
        var options = Options.Parse(args);
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Clients * 2, PooledConnectionLifetime = TimeSpan.FromMinutes(10), UseCookies = false, AllowAutoRedirect = false };
        var session = new SessionCookie { InnerHandler = handler };
        using var http = new HttpClient(session) { BaseAddress = new Uri(options.Url), Timeout = TimeSpan.FromSeconds(30) };
        session.Cookie = await LoginAsync(http, options);

        HttpRequestMessage Api(string url)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Token);
            return request;
        }

        HttpRequestMessage Page(string url)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Add("Cookie", session.Cookie);
            return request;
        }

        // The roll-up is read by the ministry's overseer, on a session of its own.
        var overseerCookie = await LoginAsync(http, "pengawas.kemendagri@sinergi.test", options.Password);
        HttpRequestMessage OverseerPage(string url)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Add("Cookie", overseerCookie);
            return request;
        }

        // The province's view of its kab/kota's potentials is read by its overseer, on a session of its own.
        var provinceCookie = await LoginAsync(http, "pengawas.kalteng@sinergi.test", options.Password);
        HttpRequestMessage ProvincePage(string url)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Add("Cookie", provinceCookie);
            return request;
        }

        var (total, ids) = await AgreementIdsAsync(http, Api);
        var proposalIds = await ProposalIdsAsync(http, Api);
        Console.WriteLine($"Sinergi benchmark: {options.Url}, {options.Clients} concurrent clients, {options.Seconds} s per scenario after a warm-up pass of {options.WarmupSeconds} s each");
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, load average {LoadAverage()}");
        Console.WriteLine($"registry of the signed-in region: {total:N0} agreements; details of {ids.Count:N0} of them; {proposalIds.Count:N0} proposals to open");
        foreach (var term in RegistrySearchTerms)
            Console.WriteLine($"  search \"{term}\": {await TotalAsync(http, Api($"/api/v1/agreements?q={Uri.EscapeDataString(term)}&pageSize=1")):N0} hits");

        var freshViews = 0;
        string Term(int i) => Uri.EscapeDataString(RegistrySearchTerms[i % RegistrySearchTerms.Length]);
        var scenarios = new List<Scenario>
        {
            new("ceiling: GET /healthz/live", _ => new HttpRequestMessage(HttpMethod.Get, "/healthz/live")),
            new("health: GET /healthz (database)", _ => new HttpRequestMessage(HttpMethod.Get, "/healthz")),
            new("api: regions, page of 50", i => Api($"/api/v1/regions?page={i % 12 + 1}&pageSize=50")),
            new("api: regions, name search", i => Api($"/api/v1/regions?q={RegionSearchTerms[i % RegionSearchTerms.Length]}")),
            new("api: OPDs of the region", _ => Api("/api/v1/opds?page=1&pageSize=50")),
            new("page: Beranda (signed in)", _ => Page("/")),
            new("page: OPD list (signed in)", _ => Page("/Settings/Opds")),
            new("page: Kerja Sama list (filters, pages)", i => Page(ListPages[i % ListPages.Length])),
            // Every request a view not asked for before: the page order is read from the database,
            // not from the registry cache (the counts may be shared with a view asked before).
            new("page: Kerja Sama list, views not asked before", _ => Page(FreshListPage(Interlocked.Increment(ref freshViews)))),
            new("api: agreements, filtered page of 50", i => Api($"/api/v1/agreements?{ListQueries[i % ListQueries.Length]}&pageSize=50")),
            new("api: agreements, full-text search", i => Api($"/api/v1/agreements?q={Term(i)}")),
            new("page: Kerja Sama search", i => Page($"/Agreements?q={Term(i)}")),
            new("page: agreement details", i => Page($"/Agreements/Details/{ids[i * 7919 % ids.Count]}")),
            // Monev: what is due across the region (periods computed for every agreement in force), and one
            // agreement's periods as the API reads them; the details page above now carries its monev part.
            new("page: Monev list (what is due)", _ => Page("/Evaluations")),
            new("api: agreement periods (monev)", i => Api($"/api/v1/agreements/{ids[i * 7919 % ids.Count]}/periods")),
            // The agreement page with its monev part (periods, impact score, formalitas, indicators, kendala),
            // the agreement's monev summary, and the registry list narrowed to the formalitas agreements.
            new("page: agreement with its monev", i => Page($"/Agreements/Details/{ids[i * 104729 % ids.Count]}#monev")),
            new("api: agreement impact score (monev)", i => Api($"/api/v1/agreements/{ids[i * 7919 % ids.Count]}/impact")),
            new("page: Kerja Sama list, formalitas filter", i => Page(FormalitasPages[i % FormalitasPages.Length])),
            new("page: Kerja Sama list, formalitas, views not asked before", _ => Page(FreshListPage(Interlocked.Increment(ref freshViews)) + "&flag=formalitas")),
            // Anggaran: the integration checks' list and counts over every agreement in force; the signed-in
            // user's notification inbox (with the bell on every page) and the unread API.
            new("page: Anggaran list (belum terintegrasi)", _ => Page("/Budget")),
            new("api: budget checks, counts", _ => Api("/api/v1/budget/checks/")),
            new("page: notification inbox", _ => Page("/Notifications")),
            new("api: notifications, unread", _ => Api("/api/v1/notifications?unread=true")),
            // Dashboards: the region's (target p95 50 ms), the national roll-up over every region (200 ms),
            // and the public portal's list, anonymous (50 ms).
            new("dashboard: region Beranda", _ => Page("/")),
            new("dashboard: api figures", _ => Api("/api/v1/dashboard")),
            new("dashboard: national roll-up", i => OverseerPage(i % 2 == 0 ? "/Rollup" : "/Rollup?sort=berlaku")),
            // Potensi daerah (target p95 50 ms): the region's list and map page, its list and map data through the API,
            // and the province's one list and map over all its kab/kota (the overseer of Kalimantan Tengah).
            new("potentials: list and map page", i => Page(i % 2 == 0 ? "/Potentials" : "/Potentials?urusan=3.27")),
            new("potentials: api list", _ => Api("/api/v1/potentials")),
            new("potentials: api map data", _ => Api("/api/v1/potentials/map")),
            new("potentials: ranked list", _ => Page("/Potentials/Ranking")),
            new("potentials: province list and map (kab/kota)", i => ProvincePage(i % 2 == 0 ? "/Potentials" : "/Potentials?state=Ditawarkan")),
            // Usulan (target p95 50 ms): the list with its filters and what waits for the caller on top, a proposal's page
            // (stage, requirements, documents, the TKKSD's votes, history, overlaps) over many proposals, and the same through the API.
            new("proposals: Usulan list", i => Page(ProposalPages[i % ProposalPages.Length])),
            new("proposals: proposal page", i => Page($"/Proposals/Details/{proposalIds[i * 7919 % proposalIds.Count]}")),
            new("proposals: api list", i => Api(ProposalQueries[i % ProposalQueries.Length])),
            new("proposals: api proposal", i => Api($"/api/v1/proposals/{proposalIds[i * 104729 % proposalIds.Count]}")),
            new("tkksd: meetings and action items list", _ => Page("/Tkksd/Meetings")),
            new("tkksd: section (what waits for the member)", _ => Page("/Tkksd")),
            new("tkksd: api action items, overdue", _ => Api("/api/v1/tkksd/action-items?overdue=true")),
            new("dashboard: public portal list", i => new HttpRequestMessage(HttpMethod.Get, (i % 3) switch
            {
                0 => "/publik/62.71",
                1 => "/publik/62.71?status=berlaku&p=2",
                _ => "/publik?status=berlaku",
            })),
        };

        // --only keeps the scenarios whose names contain one of the words, and always the ceiling.
        if (options.Only is { } only)
            scenarios = [scenarios[0], .. scenarios.Skip(1).Where(s => only.Split(',').Any(w => s.Name.Contains(w, StringComparison.OrdinalIgnoreCase)))];
        // A first pass over every scenario brings tiered JIT, dynamic PGO and the caches to a steady
        // state (a fresh server is a third slower); the figures come from the second pass.
        foreach (var scenario in scenarios)
            await MeasureAsync(http, scenario, options.Clients, TimeSpan.FromSeconds(options.WarmupSeconds));
        var machine = new MachineLoad(options.ServerPid);
        var busiest = 0.0;
        var results = new List<Result>();
        foreach (var scenario in scenarios)
        {
            // On a shared machine: measure when nothing else runs, and again when other work skewed it.
            async Task<(Result, double)> MeasureWhenQuietAsync()
            {
                await machine.WaitUntilQuietAsync(TimeSpan.FromMinutes(3));
                var before = machine.Take();
                var measured = await MeasureAsync(http, scenario, options.Clients, TimeSpan.FromSeconds(options.Seconds));
                return (measured, MachineLoad.OthersPercent(before, machine.Take()));
            }
            var (result, others) = await MeasureWhenQuietAsync();
            for (var attempt = 2; attempt <= 3 && machine.Known && others > MachineLoad.TolerablePercent; attempt++)
            {
                var (again, skew) = await MeasureWhenQuietAsync();
                if (skew < others)
                    (result, others) = (again, skew);
            }
            busiest = Math.Max(busiest, others);
            results.Add(result);
            Console.WriteLine($"  {result.Name}: {result.RequestsPerSecond:F0} req/s, p95 {result.P95:F1} ms{(result.Errors > 0 ? $", {result.Errors} errors" : "")}" +
                (machine.Known ? $", other processes {others:F0}% of the machine" : ""));
        }

        var table = new StringBuilder();
        // The VMs differ by 1.5x from day to day: each figure stands beside the ceiling of the same
        // run, its throughput as a share of the ceiling's and its p95 as a multiple of the ceiling's.
        var ceiling = results[0];
        table.AppendLine("| Scenario | req/s | share of ceiling req/s | p50 ms | p95 ms | p95 × ceiling | p99 ms | errors |");
        table.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
            table.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Name} | {r.RequestsPerSecond:F0} | {Share(r.RequestsPerSecond, ceiling.RequestsPerSecond)} | {r.P50:F1} | {r.P95:F1} | {Multiple(r.P95, ceiling.P95)} | {r.P99:F1} | {r.Errors} |"));
        if (busiest > MachineLoad.TolerablePercent)
            Console.WriteLine($"warning: other processes took up to {busiest:F0}% of the machine during a scenario; the figures are skewed.");
        if (machine.Known)
            table.AppendLine().AppendLine(string.Create(CultureInfo.InvariantCulture, $"Other processes took at most {busiest:F0}% of the machine during a measured scenario."));
        Console.WriteLine();
        Console.Write(table);
        if (options.Output is { } output)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
            await File.WriteAllTextAsync(output, table.ToString());
        }
        return results.Any(r => r.Errors > 0) ? 1 : 0;
    }

    internal static readonly string[] ProposalPages =
        ["/Proposals", "/Proposals?stage=pembahasan", "/Proposals?kind=Sinergi", "/Proposals?overdue=true", "/Proposals?stage=selesai",
         "/Proposals?kind=Ksdpk&overdue=true", "/Proposals?stage=evaluasi", "/Proposals?stage=penyusunan-pks"];

    private static readonly string[] ProposalQueries =
        ["/api/v1/proposals", "/api/v1/proposals?stage=pembahasan", "/api/v1/proposals?overdue=true", "/api/v1/proposals?kind=Sinergi",
         "/api/v1/proposals?stage=validasi&kind=Ksdd"];

    /// <summary>Proposals of the signed-in region to open: each stage's list through the API, so that every stage and end is among them.</summary>
    private static async Task<List<int>> ProposalIdsAsync(HttpClient http, Func<string, HttpRequestMessage> api)
    {
        string[] stages = ["persiapan", "validasi", "pembahasan", "rekomendasi", "penandatanganan-kb", "persetujuan-dprd", "penyusunan-pks", "penandatanganan-pks",
            "kak", "surat-inisiasi", "evaluasi", "nota-kesepakatan", "penandatanganan", "selesai", "ditolak"];
        var ids = new List<int>();
        foreach (var stage in stages)
        {
            using var response = await http.SendAsync(api($"/api/v1/proposals?stage={stage}"));
            response.EnsureSuccessStatusCode();
            using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
            ids.AddRange(json.RootElement.EnumerateArray().Select(item => item.GetProperty("id").GetInt32()));
        }
        return ids.Count > 0 ? ids : [0];
    }

    /// <summary>The region's total and ids spread over its whole registry (ten pages of 200 from newest to oldest).</summary>
    private static async Task<(int Total, List<int> Ids)> AgreementIdsAsync(HttpClient http, Func<string, HttpRequestMessage> api)
    {
        var total = await TotalAsync(http, api("/api/v1/agreements?pageSize=1"));
        var pages = Math.Max(1, (int)Math.Ceiling(total / 200.0));
        var ids = new List<int>();
        foreach (var page in Enumerable.Range(0, 10).Select(i => 1 + (i * (pages - 1) / 9)).Distinct())
        {
            using var response = await http.SendAsync(api($"/api/v1/agreements?pageSize=200&page={page}"));
            response.EnsureSuccessStatusCode();
            using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
            ids.AddRange(json.RootElement.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetInt32()));
        }
        if (ids.Count == 0)
            throw new InvalidOperationException("The signed-in region has no agreements to open; run `Sinergi.Bench generate` first.");
        return (total, ids);
    }

    /// <summary>Whether the machine was quiet before the run.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static async Task<int> TotalAsync(HttpClient http, HttpRequestMessage request)
    {
        using (request)
        {
            using var response = await http.SendAsync(request);
            response.EnsureSuccessStatusCode();
            using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
            return json.RootElement.GetProperty("total").GetInt32();
        }
    }

    internal static Task<Result> MeasureAsync(HttpClient http, Scenario scenario, int clients, TimeSpan duration)
    {
        var stopAt = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        return MeasureAsync(http, scenario, clients, () => Stopwatch.GetTimestamp() < stopAt);
    }

    /// <summary>Drives <paramref name="clients"/> clients through the scenario for as long as <paramref name="keepGoing"/> says.</summary>
    internal static async Task<Result> MeasureAsync(HttpClient http, Scenario scenario, int clients, Func<bool> keepGoing)
    {
        var latencies = new List<double>[clients];
        var errors = 0;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async client =>
        {
            var mine = latencies[client] = new List<double>(16_384);
            var i = client;
            while (keepGoing())
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

    private static Task<string> LoginAsync(HttpClient http, Options options) => LoginAsync(http, options.Email, options.Password);

    internal static async Task<string> LoginAsync(HttpClient http, string email, string password)
    {
        using var form = await http.GetAsync("/Account/Login");
        var html = await form.Content.ReadAsStringAsync();
        var token = Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var cookies = string.Join("; ", form.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        using var login = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
        {
            Content = new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Input.Email", email), new("Input.Password", password)]),
        };
        login.Headers.Add("Cookie", cookies);
        using var response = await http.SendAsync(login);
        if (response.StatusCode != HttpStatusCode.Redirect || !response.Headers.TryGetValues("Set-Cookie", out var set))
            throw new InvalidOperationException($"Login as {email} failed: {(int)response.StatusCode}");
        return SessionCookie.AuthCookies(set);
    }

    /// <summary>
    /// The signed-in session as a browser keeps it: the server checks the account again every
    /// minute and sends a renewed cookie, which the next page request carries. Without this every
    /// request after the first minute would pay for the check again.
    /// </summary>
    internal sealed class SessionCookie : DelegatingHandler
    {
        public string Cookie { get; set; } = "";

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            // Only a renewal of this session's own cookie: another account's login through the same
            // client (the overseer's) must not turn this session into that account.
            if (request.Headers.TryGetValues("Cookie", out var sent) && string.Join("; ", sent) == Cookie
                && response.Headers.TryGetValues("Set-Cookie", out var set) && AuthCookies(set) is { Length: > 0 } renewed)
                Cookie = renewed;
            return response;
        }

        public static string AuthCookies(IEnumerable<string> setCookie) =>
            string.Join("; ", setCookie.Select(c => c.Split(';')[0]).Where(c => c.StartsWith("sinergi.auth", StringComparison.Ordinal)));
    }

    internal sealed record Scenario(string Name, Func<int, HttpRequestMessage> Request);

    internal sealed record Result(string Name, double RequestsPerSecond, double P50, double P95, double P99, int Errors);

    private sealed record Options(string Url, string Token, string Email, string Password, int Clients, int Seconds, int WarmupSeconds, string? Only, int? ServerPid, string? Output)
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
                int.Parse(Value("warmup") ?? "3", CultureInfo.InvariantCulture),
                Value("only"),
                Value("server-pid") is { } pid ? int.Parse(pid, CultureInfo.InvariantCulture) : null,
                Value("output"));
        }
    }

    public static string Share(double value, double ceiling) =>
        ceiling <= 0 ? "–" : string.Create(CultureInfo.InvariantCulture, $"{100 * value / ceiling:F1} %");

    public static string Multiple(double value, double ceiling) =>
        ceiling <= 0 ? "–" : string.Create(CultureInfo.InvariantCulture, $"{value / ceiling:F1}×");
}
