using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sinergi.Features.Accounts;
using Sinergi.Features.Agreements;
using Sinergi.Features.Import;
using Sinergi.Features.Monitoring;
using Sinergi.Features.Opds;
using Sinergi.Features.Partners;
using Sinergi.Tenancy;
using Sinergi.Tests.Infrastructure.Files;
using Sinergi.Tests.Testing;
using Xunit.Abstractions;
using static Sinergi.Tests.Web.AuthorizationMatrix;

namespace Sinergi.Tests.Web;

/// <summary>
/// Calls every Razor page handler and every <c>/api/v1</c> route, as read from ASP.NET Core's
/// endpoint data source, as each kind of caller, and compares each answer with the expectation
/// declared in <see cref="AuthorizationMatrix"/>. A route without a declaration fails, so does a
/// declaration without a route, so every module is covered from its first commit. The whole
/// matrix is written to the test output and to <c>authorization-matrix.md</c> beside the tests.
/// </summary>
public abstract class AuthorizationMatrixTests<TApp>(TApp app, ITestOutputHelper output) : IClassFixture<TApp> where TApp : SinergiApp
{
    private const string MitraEmail = "mitra.matrix@sinergi.test";

    private static readonly Dictionary<Caller, string?> Accounts = new()
    {
        [Caller.Anonymous] = null,
        [Caller.Admin] = Demo.Accounts.Admin,
        [Caller.Tkksd] = Demo.Accounts.Tkksd,
        [Caller.OperatorOwnRow] = Demo.Accounts.DinkesOperator,
        [Caller.OperatorOtherRow] = Demo.Accounts.DinkesOperator,
        [Caller.Pimpinan] = Demo.Accounts.Pimpinan,
        [Caller.Mitra] = MitraEmail,
        [Caller.OtherRegionAdmin] = Demo.Accounts.PartnerRegionAdmin,
        [Caller.ProvinceAdmin] = Demo.Accounts.ProvinceAdmin,
        [Caller.ProvinceOverseer] = Demo.Accounts.ProvinceOverseer,
        [Caller.NationalOverseer] = Demo.Accounts.NationalOverseer,
        [Caller.SystemAdmin] = Demo.Accounts.SystemAdmin,
    };

    /// <summary>A route as the app declares it: the method, the template and, for a page, the handler.</summary>
    private sealed record Route(string Method, string Template, string? Handler, bool IsApi, bool AcceptsForm)
    {
        public string Key => Key(Method, Template, Handler);
    }

    private sealed record Caught(Caller Caller, Answer? Answer, int Status);

    private sealed class Session(Browser browser, HttpClient api, string antiforgery)
    {
        public Browser Browser { get; } = browser;
        public HttpClient Api { get; } = api;
        public string Antiforgery { get; } = antiforgery;
    }

    private sealed class Rows
    {
        public int OwnAgreement { get; init; }
        public int OtherAgreement { get; init; }
        public int OwnDocument { get; init; }
        public int OtherDocument { get; init; }
        public int OwnPartner { get; init; }
        public int OtherPartner { get; init; }
        public int Opd { get; init; }
        public required string User { get; init; }
        public required string ProvinceOverseer { get; init; }
        public Guid ImportSession { get; init; }
        public int AdminToken { get; init; }
        public required string OwnPeriod { get; init; }
        public int OwnIndicator { get; init; }
        public int OwnObstacle { get; init; }
        public int OtherObstacle { get; init; }
        public int OtherIndicator { get; init; }
        public required string OtherPeriod { get; init; }
        public int OwnBudgetLine { get; init; }
        public int OtherBudgetLine { get; init; }
        public long AdminNotification { get; init; }
        public int OwnParticipant { get; init; }
        public int OtherParticipant { get; init; }
        public int OwnProposal { get; init; }
        public int OtherProposal { get; init; }
        public int OwnProposalDocument { get; init; }
        public int OtherProposalDocument { get; init; }
        public int OwnProposalAttachment { get; init; }
        public int OtherProposalAttachment { get; init; }
    }

    [Fact]
    public async Task Every_route_answers_each_caller_as_declared()
    {
        var routes = await RoutesAsync();
        var declared = Expectations.GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.ToList());
        var missing = routes.Where(r => !declared.ContainsKey(r.Key)).ToList();
        var stale = declared.Keys.Except(routes.Select(r => r.Key)).ToList();

        var rows = await PrepareRowsAsync();
        var sessions = new Dictionary<Caller, Session>();
        foreach (var caller in Enum.GetValues<Caller>())
            sessions[caller] = await SessionForAsync(Accounts[caller]);

        var results = new List<(Route Route, Expectation? Expected, List<Caught> Answers)>();
        foreach (var route in routes.OrderBy(r => r.IsApi).ThenBy(r => r.Template, StringComparer.Ordinal).ThenBy(r => r.Method).ThenBy(r => r.Handler))
        {
            foreach (var expectation in declared.GetValueOrDefault(route.Key) ?? [new Expectation(route.Method, route.Template, Row.None, "", route.Handler)])
            {
                var answers = new List<Caught>();
                foreach (var caller in Enum.GetValues<Caller>())
                {
                    var session = IsSignOut(route) ? await SessionForAsync(Accounts[caller]) : sessions[caller];
                    var status = await CallAsync(route, expectation, caller, session, rows);
                    answers.Add(new Caught(caller, Classify(route, status), (int)status.StatusCode));
                    // Signing out ends every session of the account, so the callers using it sign in again.
                    if (IsSignOut(route) && Accounts[caller] is { } signedOut)
                        foreach (var same in sessions.Keys.Where(c => Accounts[c] == signedOut).ToList())
                            sessions[same] = await SessionForAsync(signedOut);
                }
                results.Add((route, declared.ContainsKey(route.Key) ? expectation : null, answers));
            }
        }

        var table = Table(results);
        output.WriteLine(table);
        await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, $"authorization-matrix-{app.Provider.ToString().ToLowerInvariant()}.md"), table);

        var problems = new List<string>();
        problems.AddRange(missing.Select(r => $"No expectation declared for {r.Key}; observed: {Observed(results.First(x => x.Route == r).Answers)}"));
        problems.AddRange(stale.Select(k => $"Declared but no such route: {k}"));
        foreach (var (route, expected, answers) in results.Where(r => r.Expected is not null))
        {
            var wanted = expected!.Parsed();
            foreach (var answer in answers.Where(a => a.Answer != wanted[a.Caller]))
                problems.Add($"{route.Key} ({expected.Row}{(expected.Form is null ? "" : " + " + expected.Form)}) as {answer.Caller}: expected {wanted[answer.Caller]}, got {answer.Status}");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static bool IsSignOut(Route route) => route is { Method: "POST", Template: "/Account/Logout" };

    /// <summary>Every page handler (by its shortest address) and every API route of the running app.</summary>
    private async Task<List<Route>> RoutesAsync()
    {
        var loader = app.Services.GetRequiredService<PageLoader>();
        var routes = new List<Route>();
        var pages = new Dictionary<string, (string Template, PageActionDescriptor Page, EndpointMetadataCollection Metadata)>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var template = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                if (!pages.TryGetValue(page.ViewEnginePath, out var known) || template.Length < known.Template.Length)
                    pages[page.ViewEnginePath] = (template, page, endpoint.Metadata);
            }
            // Every other route with its methods: the API, and the few outside it (the portal's downloads,
            // the OpenAPI document, the favicon), which a browser session calls.
            else if (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>() is { } methods)
            {
                var acceptsForm = endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes.Any(c => c.StartsWith("multipart/form-data", StringComparison.Ordinal)) == true;
                var isApi = template.StartsWith("/api/v1/", StringComparison.Ordinal);
                routes.AddRange(methods.HttpMethods.Select(m => new Route(m, template, null, isApi, acceptsForm)));
            }
        }
        foreach (var (template, page, metadata) in pages.Values)
        {
            var compiled = await loader.LoadAsync(page, metadata);
            // A page without a model answers GET only.
            routes.AddRange(compiled.HandlerMethods.Count == 0 ? [new Route("GET", template, null, false, false)]
                : compiled.HandlerMethods.Select(h => new Route(h.HttpMethod.ToUpperInvariant(), template, h.Name, false, false)).Distinct());
        }
        return routes;
    }

    private async Task<Session> SessionForAsync(string? email)
    {
        var browser = new Browser(app);
        var api = app.CreateClient(new() { AllowAutoRedirect = false });
        var page = email is null ? await browser.GetAsync("/Account/Login") : await browser.LoginAsync(email);
        if (email is not null)
            api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenForAsync(email));
        var headers = page.Body!.GetAttribute("hx-headers")!;
        var token = Regex.Match(headers, "\"RequestVerificationToken\": \"([^\"]+)\"").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), $"No antiforgery token on the first page of {email ?? "an anonymous visitor"}");
        return new Session(browser, api, token);
    }

    private async Task<HttpResponseMessage> CallAsync(Route route, Expectation expectation, Caller caller, Session session, Rows rows)
    {
        var value = await RowValueAsync(expectation.Row, caller, rows);
        // A row of two values ("12|2026-s1") fills the route's placeholders in turn.
        var values = new Queue<string>((value ?? "").Split('|'));
        var url = Regex.Replace(route.Template, @"\{[^}]+\}", _ => values.Count > 1 ? values.Dequeue() : values.Peek()).Replace("//", "/").TrimEnd('/');
        if (url.Length == 0)
            url = "/";
        var query = new List<string>();
        if (route.Handler is not null)
            query.Add("handler=" + route.Handler);
        if (value is not null && !route.Template.Contains('{'))
            query.Add("id=" + value);
        if (query.Count > 0)
            url += "?" + string.Join("&", query);

        if (route.IsApi)
        {
            var request = new HttpRequestMessage(new HttpMethod(route.Method), url);
            if (route.Method is "POST" or "PUT")
                request.Content = route.AcceptsForm ? new MultipartFormDataContent { { new StringContent(""), "title" } }
                    : new StringContent("{}", Encoding.UTF8, "application/json");
            return await session.Api.SendAsync(request);
        }
        if (route.Method == "GET")
            return await session.Browser.Http.GetAsync(url);
        var fields = (expectation.Form ?? "").Split('&', StringSplitOptions.RemoveEmptyEntries).Select(f => f.Split('=', 2)).Select(f => KeyValuePair.Create(f[0], f[1]));
        var form = new FormUrlEncodedContent([new("__RequestVerificationToken", session.Antiforgery), .. fields]);
        return await session.Browser.Http.PostAsync(url, form);
    }

    /// <summary>The demo row a route is called on; a fresh one for routes that would delete or change it for good.</summary>
    private async Task<string?> RowValueAsync(Row row, Caller caller, Rows rows)
    {
        var otherRow = caller == Caller.OperatorOtherRow;
        return row switch
        {
            Row.None => null,
            Row.PublicFormat => "xlsx",
            Row.OpenApiDocument => "v1",
            Row.Agreement => Id(otherRow ? rows.OtherAgreement : rows.OwnAgreement),
            Row.FreshAgreement => Id(await FreshAgreementAsync(otherRow ? Demo.Opds.Disbudpar : Demo.Opds.Dinkes)),
            Row.Document => Id(otherRow ? rows.OtherDocument : rows.OwnDocument),
            Row.Partner => Id(otherRow ? rows.OtherPartner : rows.OwnPartner),
            Row.FreshPartner => Id(await FreshPartnerAsync()),
            Row.Opd => Id(rows.Opd),
            Row.FreshOpd => Id(await FreshOpdAsync()),
            Row.User => rows.User,
            Row.FreshUser => await FreshUserAsync(Roles.Tkksd, Demo.Home),
            Row.ProvinceOverseer => rows.ProvinceOverseer,
            Row.FreshProvinceOverseer => await FreshUserAsync(Roles.Overseer, Demo.Province),
            Row.ImportSession => rows.ImportSession.ToString(),
            Row.Region => Demo.Home,
            Row.AdminToken => Id(rows.AdminToken),
            Row.AgreementIndicatorPeriod => otherRow ? $"{Id(rows.OtherAgreement)}|{Id(rows.OtherIndicator)}|{rows.OtherPeriod}"
                : $"{Id(rows.OwnAgreement)}|{Id(rows.OwnIndicator)}|{rows.OwnPeriod}",
            Row.Obstacle => Id(otherRow ? rows.OtherObstacle : rows.OwnObstacle),
            Row.AgreementPeriod => otherRow ? $"{Id(rows.OtherAgreement)}|{rows.OtherPeriod}" : $"{Id(rows.OwnAgreement)}|{rows.OwnPeriod}",
            Row.BudgetLine => Id(otherRow ? rows.OtherBudgetLine : rows.OwnBudgetLine),
            Row.FreshBudgetLine => Id(await FreshBudgetLineAsync(otherRow ? rows.OtherAgreement : rows.OwnAgreement)),
            Row.BudgetCheck => "belum-terintegrasi",
            Row.SopKind => "ksdpk",
            Row.AdminNotification => rows.AdminNotification.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Row.Participant => Id(otherRow ? rows.OtherParticipant : rows.OwnParticipant),
            Row.FreshParticipant => Id(await FreshParticipantAsync(otherRow ? rows.OtherAgreement : rows.OwnAgreement)),
            Row.Proposal => Id(otherRow ? rows.OtherProposal : rows.OwnProposal),
            Row.ProposalDocument => Id(otherRow ? rows.OtherProposalDocument : rows.OwnProposalDocument),
            Row.ProposalAttachment => Id(otherRow ? rows.OtherProposalAttachment : rows.OwnProposalAttachment),
            Row.Potential => Id(await app.WithDbAsync(db => db.Potentials.Where(p => p.RegionCode == Demo.Home && (p.Opd!.ShortName == Demo.Opds.Dinkes) != otherRow)
                .OrderBy(p => p.Id).Select(p => p.Id).FirstAsync())),
            Row.WorkPlanActivity => Id(await app.WithDbAsync(db => db.WorkPlanActivities.Where(a => a.RegionCode == Demo.Home && a.OwnerOpd!.ShortName != Demo.Opds.Dinkes)
                .OrderBy(a => a.Id).Select(a => a.Id).FirstAsync())),
            Row.WorkPlanYear => RegionClock.Today(TimeProvider.System, Demo.Home).Year.ToString(CultureInfo.InvariantCulture),
            Row.TkksdMeeting => Id(await app.WithDbAsync(db => db.TkksdMeetings.Where(m => m.RegionCode == Demo.Home).OrderBy(m => m.Id).Select(m => m.Id).FirstAsync())),
            // The Dinkes operator owns the overdue one; on the other row it is an item someone else owns.
            Row.TkksdActionItem => Id(await app.WithDbAsync(db => otherRow
                ? db.TkksdActionItems.Where(a => a.RegionCode == Demo.Home && a.Description != Demo.Tkksd.OverdueAction && a.OwnerName != "Maria Simanjuntak").OrderBy(a => a.Id).Select(a => a.Id).FirstAsync()
                : db.TkksdActionItems.Where(a => a.Description == Demo.Tkksd.OverdueAction).Select(a => a.Id).SingleAsync())),
            Row.TkksdMember => Id(await app.WithDbAsync(db => db.TkksdMembers.Where(m => m.UserId == rows.User && m.EndsOn == null).Select(m => m.Id).SingleAsync())),
            _ => throw new ArgumentOutOfRangeException(nameof(row)),
        };
    }

    private static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static Answer? Classify(Route route, HttpResponseMessage response) => (int)response.StatusCode switch
    {
        401 when route.IsApi => Answer.Login,
        // The challenge names the page asked for; signing out also lands on the login page, without it.
        302 when response.Headers.Location?.OriginalString is { } to && to.Contains("/Account/Login", StringComparison.Ordinal)
            && to.Contains("ReturnUrl=", StringComparison.Ordinal) => Answer.Login,
        403 => Answer.Forbidden,
        404 => Answer.NotFound,
        >= 200 and < 400 or 400 or 409 or 412 or 422 or 428 => Answer.Ok,
        _ => null,
    };

    private async Task<Rows> PrepareRowsAsync()
    {
        await CreateMitraAsync();
        // Rows of the home region that are not shared with the partner region, so its admin must not see them.
        var (own, other, opd, user, overseer) = await app.WithDbAsync(async db => (
            await db.Agreements.Where(a => a.RegionCode == Demo.Home && a.Title == Demo.Agreements.Stunting).Select(a => a.Id).SingleAsync(),
            await db.Agreements.Where(a => a.RegionCode == Demo.Home && a.Lifecycle == AgreementLifecycle.Aktif && !a.SharedWith.Any()
                    && a.Opds.Any() && !a.Opds.Any(o => o.ShortName == Demo.Opds.Dinkes))
                .OrderBy(a => a.Id).Select(a => a.Id).FirstAsync(),
            await db.Opds.Where(o => o.RegionCode == Demo.Home && o.ShortName == Demo.Opds.Dinkes).Select(o => o.Id).SingleAsync(),
            await db.Users.Where(u => u.Email == Demo.Accounts.Tkksd).Select(u => u.Id).SingleAsync(),
            await db.Users.Where(u => u.Email == Demo.Accounts.ProvinceOverseer).Select(u => u.Id).SingleAsync()));
        var admin = new Browser(app);
        await admin.LoginAsync(Demo.Accounts.Admin);
        await DocumentSteps.UploadAsync(admin, own, "nota-kesepakatan.pdf", TestFiles.Fixture("nota-kesepakatan.pdf"), "Naskah matriks");
        await DocumentSteps.UploadAsync(admin, other, "nota-kesepakatan.pdf", TestFiles.Fixture("nota-kesepakatan.pdf"), "Naskah matriks");
        // An import whose preview has an error row: every handler of its page has something to show, and nothing can be saved.
        var preview = await ImportSteps.AwaitJobAsync(admin, await ImportSteps.UploadAsync(admin, "matriks.csv",
            Encoding.UTF8.GetBytes("No;Nomor;Judul;Mitra;Tanggal Penandatanganan\n1;MTX/1;;Universitas Palangka Raya;1 Maret 2025\n")));
        var session = Guid.Parse(preview.Url.Split('/').Last().Split('?')[0]);
        var (ownDocument, otherDocument, adminToken) = await app.WithDbAsync(async db =>
        {
            var adminId = await db.Users.Where(u => u.Email == Demo.Accounts.Admin).Select(u => u.Id).SingleAsync();
            var (token, _) = AccessToken.Issue(adminId, "matriks", db.UtcNow, db.UtcNow.AddDays(1));
            db.AccessTokens.Add(token);
            await db.SaveChangesAsync();
            return (
                await db.DocumentVersions.Where(v => v.Document!.AgreementId == own).Select(v => v.Id).FirstAsync(),
                await db.DocumentVersions.Where(v => v.Document!.AgreementId == other).Select(v => v.Id).FirstAsync(),
                token.Id);
        });
        var (ownProposal, ownProposalDocument) = await ProposalRowAsync(Demo.Opds.Dinkes);
        var (otherProposal, otherProposalDocument) = await ProposalRowAsync(Demo.Opds.Disbudpar);
        return new Rows
        {
            OwnProposal = ownProposal, OtherProposal = otherProposal, OwnProposalDocument = ownProposalDocument, OtherProposalDocument = otherProposalDocument,
            OwnProposalAttachment = await AttachmentRowAsync(ownProposal), OtherProposalAttachment = await AttachmentRowAsync(otherProposal),
            OwnAgreement = own, OtherAgreement = other, OwnDocument = ownDocument, OtherDocument = otherDocument,
            OwnPartner = await PartnerNamedOnlyByAsync(own, "Mitra Matriks Dinkes"), OtherPartner = await PartnerNamedOnlyByAsync(other, "Mitra Matriks OPD Lain"),
            Opd = opd, User = user, ProvinceOverseer = overseer, ImportSession = session, AdminToken = adminToken,
            OwnPeriod = await LatestPeriodAsync(own), OtherPeriod = await LatestPeriodAsync(other),
            OwnIndicator = await IndicatorAsync(own), OtherIndicator = await IndicatorAsync(other),
            OwnBudgetLine = await FreshBudgetLineAsync(own), OtherBudgetLine = await FreshBudgetLineAsync(other),
            OwnObstacle = await ObstacleAsync(own), OtherObstacle = await ObstacleAsync(other),
            OwnParticipant = await FreshParticipantAsync(own), OtherParticipant = await FreshParticipantAsync(other),
            AdminNotification = await app.WithDbAsync(async db =>
            {
                var notification = new Sinergi.Features.Notifications.Notification
                {
                    UserId = await db.Users.Where(u => u.Email == Demo.Accounts.Admin).Select(u => u.Id).SingleAsync(),
                    RegionCode = Demo.Home, Title = "Matriks", Body = "Notifikasi untuk matriks", CreatedAt = db.UtcNow,
                };
                db.Notifications.Add(notification);
                await db.SaveChangesAsync();
                return notification.Id;
            }),
        };
    }

    /// <summary>A discussion message with a file attached, posted by the admin on the proposal.</summary>
    private Task<int> AttachmentRowAsync(int proposalId) => app.WithDbAsync(async db =>
    {
        var caller = await Sinergi.Tests.Proposals.ProposalSteps.CallerAsync(db, Demo.Accounts.Admin);
        var proposal = (await Sinergi.Features.Proposals.Proposals.LoadAsync(db, proposalId))!;
        using var pdf = new MemoryStream(TestFiles.Fixture("nota-kesepakatan.pdf"));
        var (message, _) = await Sinergi.Features.Proposals.ProposalThread.PostAsync(db, app.Services.GetRequiredService<Sinergi.Infrastructure.Files.FileStore>(),
            caller, proposal, null, "Lampiran untuk matriks", "lampiran.pdf", pdf, 10_000_000);
        return message!.Id;
    });

    /// <summary>A proposal of the OPD in its first stage, made by the admin, with one document version.</summary>
    private Task<(int Proposal, int Document)> ProposalRowAsync(string opdShortName) => app.WithDbAsync(async db =>
    {
        var caller = await Sinergi.Tests.Proposals.ProposalSteps.CallerAsync(db, Demo.Accounts.Admin);
        var opd = await db.Opds.Where(o => o.RegionCode == Demo.Home && o.ShortName == opdShortName).Select(o => o.Id).SingleAsync();
        var partner = await db.Partners.Where(p => p.RegionCode == Demo.Home).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        var (proposal, problems) = await Sinergi.Features.Proposals.Proposals.CreateAsync(db, caller,
            new(AgreementKind.Ksdpk, "Usulan matriks", null, null, null, opd, [], [partner], 12, null, null, true, false), TimeProvider.System);
        Assert.True(proposal is not null, string.Join(" ", problems.Values.SelectMany(v => v)));
        var loaded = (await Sinergi.Features.Proposals.Proposals.LoadAsync(db, proposal.Id))!;
        using var pdf = new MemoryStream(TestFiles.Fixture("nota-kesepakatan.pdf"));
        var (document, _) = await Sinergi.Features.Proposals.Proposals.UploadAsync(db, app.Services.GetRequiredService<Sinergi.Infrastructure.Files.FileStore>(),
            caller, loaded, Sinergi.Features.Proposals.ProposalDocumentTypes.Kak, "kak.pdf", pdf, 10_000_000);
        return (proposal.Id, document!.Id);
    });

    private Task<string> LatestPeriodAsync(int agreementId) => app.WithDbAsync(async db =>
        (await MonevAgreement.LoadAsync(db, agreementId))!.PeriodsOn(Sinergi.Tenancy.RegionClock.Today(TimeProvider.System, Demo.Home)).Last(p => !p.IsFinal).Code);

    private Task<int> IndicatorAsync(int agreementId) => app.WithDbAsync(async db =>
    {
        var indicator = new Indicator { AgreementId = agreementId, Name = "Indikator matriks", Unit = "kegiatan" };
        db.Indicators.Add(indicator);
        await db.SaveChangesAsync();
        return indicator.Id;
    });

    private Task<int> ObstacleAsync(int agreementId) => app.WithDbAsync(async db =>
    {
        var obstacle = new Obstacle { RegionCode = Demo.Home, AgreementId = agreementId, Description = "Kendala matriks", Since = new DateOnly(2026, 1, 1), CreatedByName = "Matriks" };
        db.Obstacles.Add(obstacle);
        await db.SaveChangesAsync();
        return obstacle.Id;
    });

    private Task CreateMitraAsync() => app.WithDbAsync(async db =>
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByEmailAsync(MitraEmail) is null)
            await UserAccounts.CreateAsync(users, Granter.Server, new(MitraEmail, "Mitra Matriks", Roles.Mitra, Demo.Home, null, Demo.Password, MustChangePassword: false), db.UtcNow);
    });

    private Task<int> FreshAgreementAsync(string opdShortName) => app.WithDbAsync(async db =>
    {
        var opd = await db.Opds.SingleAsync(o => o.RegionCode == Demo.Home && o.ShortName == opdShortName);
        var agreement = new Agreement { RegionCode = Demo.Home, Title = "Catatan keliru untuk matriks", Lifecycle = AgreementLifecycle.Draf, Opds = [opd] };
        db.Agreements.Add(agreement);
        await db.SaveChangesAsync();
        return agreement.Id;
    });

    private Task<int> FreshBudgetLineAsync(int agreementId) => app.WithDbAsync(async db =>
    {
        var agreement = await db.Agreements.SingleAsync(a => a.Id == agreementId);
        var line = new Sinergi.Features.Budget.BudgetLine
        {
            RegionCode = agreement.RegionCode, AgreementId = agreementId, FiscalYear = (agreement.StartsOn ?? agreement.SignedOn)!.Value.Year,
            Source = Sinergi.Features.Budget.BudgetSource.Mitra, Planned = 1_000_000,
        };
        db.BudgetLines.Add(line);
        await db.SaveChangesAsync();
        return line.Id;
    });

    private Task<int> FreshParticipantAsync(int agreementId) => app.WithDbAsync(async db =>
    {
        var agreement = await db.Agreements.Include(a => a.Opds).SingleAsync(a => a.Id == agreementId);
        var opd = agreement.Opds.Select(o => o.Id).FirstOrDefault();
        if (opd == 0)
            opd = await db.Opds.Where(o => o.RegionCode == agreement.RegionCode).Select(o => o.Id).FirstAsync();
        var participant = new Sinergi.Features.Participants.Participant
        {
            RegionCode = agreement.RegionCode, AgreementId = agreementId, Name = "Peserta Matriks", StudentNumber = Guid.NewGuid().ToString("N")[..20],
            Programme = "Matriks", PlacementOpdId = opd, StartsOn = new DateOnly(2026, 1, 1), EndsOn = new DateOnly(2026, 12, 31), Supervisor = "Matriks",
        };
        db.Participants.Add(participant);
        await db.SaveChangesAsync();
        return participant.Id;
    });

    private Task<int> FreshPartnerAsync() => app.WithDbAsync(async db =>
    {
        var name = $"Mitra Matriks {Guid.NewGuid():N}";
        var partner = new Partner { RegionCode = Demo.Home, Type = PartnerType.Swasta, Name = name, NormalizedName = Partner.NormalizeName(name) };
        db.Partners.Add(partner);
        await db.SaveChangesAsync();
        return partner.Id;
    });

    private Task<int> PartnerNamedOnlyByAsync(int agreementId, string name) => app.WithDbAsync(async db =>
    {
        var partner = new Partner { RegionCode = Demo.Home, Type = PartnerType.Swasta, Name = name, NormalizedName = Partner.NormalizeName(name) };
        (await db.Agreements.WithLists().SingleAsync(a => a.Id == agreementId)).Partners.Add(partner);
        await db.SaveChangesAsync();
        return partner.Id;
    });

    private Task<int> FreshOpdAsync() => app.WithDbAsync(async db =>
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var opd = new Opd { RegionCode = Demo.Home, Name = $"Unit Matriks {suffix}", ShortName = $"UM-{suffix}" };
        db.Opds.Add(opd);
        await db.SaveChangesAsync();
        return opd.Id;
    });

    private Task<string> FreshUserAsync(string role, string region) => app.WithDbAsync(async db =>
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var (user, result) = await UserAccounts.CreateAsync(users, Granter.Server,
            new($"akun.{Guid.NewGuid():N}@sinergi.test", "Akun Matriks", role, region, null, Demo.Password, MustChangePassword: false), db.UtcNow);
        Assert.True(result.Succeeded);
        return user!.Id;
    });

    private static string Observed(IEnumerable<Caught> answers) =>
        string.Join(" ", answers.Select(a => a.Answer is { } answer ? Letter(answer) : $"?{a.Status}"));

    private static string Table(List<(Route Route, Expectation? Expected, List<Caught> Answers)> results)
    {
        var text = new StringBuilder();
        text.AppendLine("Authorization matrix: each cell is the status answered; ✗ marks an answer other than the one declared.");
        text.AppendLine("L = to the login page (pages) or 401 (API), O = served (2xx, a redirect, or the handler's own 4xx on an empty form), F = 403, N = 404.");
        text.AppendLine();
        text.AppendLine("| Route | Row | " + string.Join(" | ", Enum.GetValues<Caller>().Select(Header)) + " |");
        text.AppendLine("|---|---|" + string.Concat(Enum.GetValues<Caller>().Select(_ => "---|")));
        foreach (var (route, expected, answers) in results)
        {
            var wanted = expected?.Parsed();
            var cells = answers.Select(a => $"{a.Status}{(wanted is null || wanted[a.Caller] != a.Answer ? " ✗" : "")}");
            var row = expected is null ? "(undeclared)" : expected.Form is null ? expected.Row.ToString() : $"{expected.Row} + {expected.Form}";
            text.AppendLine($"| {route.Key} | {row} | {string.Join(" | ", cells)} |");
        }
        return text.ToString();
    }

    private static string Header(Caller caller) => caller switch
    {
        Caller.Anonymous => "anonim",
        Caller.Admin => "admin",
        Caller.Tkksd => "TKKSD",
        Caller.OperatorOwnRow => "OPD (baris sendiri)",
        Caller.OperatorOtherRow => "OPD (baris OPD lain)",
        Caller.Pimpinan => "pimpinan",
        Caller.Mitra => "mitra",
        Caller.OtherRegionAdmin => "admin kab/kota lain",
        Caller.ProvinceAdmin => "admin provinsi",
        Caller.ProvinceOverseer => "pengawas provinsi",
        Caller.NationalOverseer => "pengawas nasional",
        _ => "admin sistem",
    };
}

public sealed class AuthorizationMatrixTestsOnSqlite(SqliteApp app, ITestOutputHelper output) : AuthorizationMatrixTests<SqliteApp>(app, output);

public sealed class AuthorizationMatrixTestsOnPostgres(PostgresApp app, ITestOutputHelper output) : AuthorizationMatrixTests<PostgresApp>(app, output);
