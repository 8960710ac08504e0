namespace Sinergi.Tests.Web;

/// <summary>
/// Who may call what: one line per route (and per row it is called on), one answer per caller.
/// Every new page handler and API route gets a line here in the commit that adds it; the test in
/// <see cref="AuthorizationMatrixTests{TApp}"/> fails until it has one.
/// </summary>
public static class AuthorizationMatrix
{
    /// <summary>The callers, in the order of an expectation's answers.</summary>
    public enum Caller
    {
        Anonymous,
        Admin,
        Tkksd,
        /// <summary>The Dinkes operator, on a row its OPD runs.</summary>
        OperatorOwnRow,
        /// <summary>The same operator, on a row another OPD runs (for routes on a row).</summary>
        OperatorOtherRow,
        Pimpinan,
        Mitra,
        /// <summary>The admin of another kab/kota, on a home-region row not shared with it.</summary>
        OtherRegionAdmin,
        /// <summary>The province's Admin Kerja Sama: a region admin too, which does not read its kab/kota's registries.</summary>
        ProvinceAdmin,
        ProvinceOverseer,
        NationalOverseer,
        SystemAdmin,
    }

    /// <summary>L: to the login page, or 401 for the API. O: served. F: 403. N: 404.</summary>
    public enum Answer
    {
        Login,
        Ok,
        Forbidden,
        NotFound,
    }

    /// <summary>What fills a route's parameter: a row of the home region (Kota Palangka Raya).</summary>
    public enum Row
    {
        None,
        /// <summary>The portal's download format, xlsx.</summary>
        PublicFormat,
        /// <summary>The OpenAPI document's name, v1.</summary>
        OpenApiDocument,
        Agreement,
        /// <summary>A new draft agreement for each call, for routes that delete.</summary>
        FreshAgreement,
        Document,
        /// <summary>
        /// A partner named only by an agreement the Dinkes operator runs; for OperatorOtherRow, one
        /// named only by another OPD's agreement, whose type, name and region the operator may not change.
        /// </summary>
        Partner,
        FreshPartner,
        Opd,
        FreshOpd,
        /// <summary>A TKKSD account of the home region (a fresh one for each call, for routes that change it).</summary>
        User,
        FreshUser,
        /// <summary>The province overseer's account (Pengawas of 62, reading every kab/kota of the province).</summary>
        ProvinceOverseer,
        /// <summary>A new Pengawas account of the province for each call, for routes that change it.</summary>
        FreshProvinceOverseer,
        ImportSession,
        Region,
        /// <summary>A token of the home region's admin, for the route that revokes one.</summary>
        AdminToken,
        /// <summary>An agreement (as <see cref="Agreement"/>) and its latest evaluation period: two route values.</summary>
        AgreementPeriod,
        /// <summary>An agreement, one of its indicators and its latest period: three route values.</summary>
        AgreementIndicatorPeriod,
        /// <summary>A budget line of the agreement the Dinkes operator runs; for OperatorOtherRow, one of another OPD's agreement.</summary>
        BudgetLine,
        /// <summary>A new budget line for each call, for routes that delete.</summary>
        FreshBudgetLine,
        /// <summary>The slug of an integration check (belum-terintegrasi).</summary>
        BudgetCheck,
        /// <summary>A kendala of <see cref="Agreement"/> (for OperatorOtherRow, of the other OPD's agreement).</summary>
        Obstacle,
        /// <summary>An in-app notification of the home region's admin: only its owner may mark it read.</summary>
        AdminNotification,
        /// <summary>A participant (intern) on <see cref="Agreement"/> (for OperatorOtherRow, on the other OPD's agreement).</summary>
        Participant,
        /// <summary>A new participant for each call, for routes that delete.</summary>
        FreshParticipant,
        /// <summary>A proposal of Dinkes in its first stage; for OperatorOtherRow, one of another OPD.</summary>
        Proposal,
        /// <summary>A document version of <see cref="Proposal"/>'s proposal.</summary>
        ProposalDocument,
        /// <summary>A discussion message with an attached file on <see cref="Proposal"/>'s proposal.</summary>
        ProposalAttachment,
        /// <summary>A demo potential of the home region owned by Dinkes; for OperatorOtherRow, one of another OPD.</summary>
        Potential,
        /// <summary>An activity of the home region's work plan this year (owned by a TKKSD member or another OPD than Dinkes).</summary>
        WorkPlanActivity,
        /// <summary>A work plan's year (2026).</summary>
        WorkPlanYear,
        /// <summary>The demo's first rapat TKKSD (approved notulen).</summary>
        TkksdMeeting,
        /// <summary>The demo's overdue action item, owned by the Dinkes operator; for OperatorOtherRow, one owned by someone else.</summary>
        TkksdActionItem,
        /// <summary>The TKKSD account's membership in the demo register.</summary>
        TkksdMember,
        /// <summary>A kind of cooperation with an SOP, as its slug (ksdpk).</summary>
        SopKind,
    }

    /// <param name="Form">Fields a page POST sends beyond its antiforgery token (<c>Input.Role=Overseer</c>).</param>
    public sealed record Expectation(string Method, string Template, Row Row, string Answers, string? Handler = null, string? Form = null)
    {
        public string Key => AuthorizationMatrix.Key(Method, Template, Handler);

        public Dictionary<Caller, Answer> Parsed()
        {
            var letters = Answers.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var callers = Enum.GetValues<Caller>();
            if (letters.Length != callers.Length)
                throw new InvalidOperationException($"{Key}: {letters.Length} answers for {callers.Length} callers.");
            return callers.Zip(letters).ToDictionary(p => p.First, p => p.Second switch
            {
                "L" => Answer.Login,
                "O" => Answer.Ok,
                "F" => Answer.Forbidden,
                "N" => Answer.NotFound,
                _ => throw new InvalidOperationException($"{Key}: '{p.Second}' is not L, O, F or N."),
            });
        }
    }

    public static string Key(string method, string template, string? handler) =>
        handler is null ? $"{method} {template}" : $"{method} {template}?handler={handler}";

    public static string Letter(Answer answer) => answer switch
    {
        Answer.Login => "L",
        Answer.Ok => "O",
        Answer.Forbidden => "F",
        _ => "N",
    };

    private static Expectation Get(string template, Row row, string answers, string? handler = null) => new("GET", template, row, answers, handler);

    private static Expectation Post(string template, Row row, string answers, string? handler = null, string? form = null) =>
        new("POST", template, row, answers, handler, form);

    private static Expectation Put(string template, Row row, string answers) => new("PUT", template, row, answers);

    private static Expectation Delete(string template, Row row, string answers) => new("DELETE", template, row, answers);

    // Answers, in the order of Caller:
    //   anonim · admin · TKKSD · OPD on its row · OPD on another OPD's row · pimpinan · mitra ·
    //   admin of another kab/kota · admin of the province · province overseer · national overseer · system admin
    public static readonly IReadOnlyList<Expectation> Expectations =
    [
        // Shell: Beranda, errors, sign-in.
        Get("/", Row.None, "L O O O O O O O O O O O"),
        Get("/Error", Row.None, "O O O O O O O O O O O O"),
        // The page about the API, for anyone deciding whether to use it.
        Get("/Api", Row.None, "O O O O O O O O O O O O"),
        Post("/Error", Row.None, "O O O O O O O O O O O O"),
        // The status page answers with the status it is asked to show; without one, 404.
        Get("/Status", Row.None, "N N N N N N N N N N N N"),
        Post("/Status", Row.None, "N N N N N N N N N N N N"),
        Get("/Account/Login", Row.None, "O O O O O O O O O O O O"),
        Post("/Account/Login", Row.None, "O O O O O O O O O O O O"),
        // Signing out when not signed in just shows the login page.
        Get("/Account/Logout", Row.None, "O O O O O O O O O O O O"),
        Post("/Account/Logout", Row.None, "O O O O O O O O O O O O"),
        Get("/Account/ChangePassword", Row.None, "L O O O O O O O O O O O"),
        Post("/Account/ChangePassword", Row.None, "L O O O O O O O O O O O"),
        Get("/Account/Profile", Row.None, "L O O O O O O O O O O O"),
        Post("/Account/Profile", Row.None, "L O O O O O O O O O O O", "Create"),
        // Only the token's owner can revoke it; to everyone else it does not exist.
        Post("/Account/Profile", Row.AdminToken, "L O N N N N N N N N N N", "Revoke"),

        // Notifikasi: everyone's own; failed deliveries are the region's admin's (or a system admin's, for all).
        Get("/Notifications", Row.None, "L O O O O O O O O O O O"),
        Post("/Notifications", Row.None, "L O O O O O O O O O O O", "Read"),
        Post("/Notifications", Row.None, "L O O O O O O O O O O O", "ReadAll"),
        Post("/Notifications", Row.None, "L O O O O O O O O O O O", "Preferences"),
        Get("/Notifications/Deliveries", Row.None, "L O F F F F F O O F F O"),

        // Placeholders of the modules to come.
        Get("/Proposals", Row.None, "L O O O O O F O O O O O"),
        Get("/Proposals/Sop", Row.None, "L O O O O O F O O O O O"),
        Get("/lacak", Row.None, "O O O O O O O O O O O O"),
        Get("/Proposals/Edit/{id:int?}", Row.None, "L O F O O F F O O F F F"),
        Post("/Proposals/Edit/{id:int?}", Row.None, "L O F O O F F O O F F F"),
        Get("/Proposals/Edit/{id:int?}", Row.Proposal, "L O F O N F F N N N N N"),
        Post("/Proposals/Edit/{id:int?}", Row.Proposal, "L O F O N F F N N N N N"),
        Get("/Proposals/Details/{id:int}", Row.Proposal, "L O O O N O F N N N N N"),
        Post("/Proposals/Details/{id:int}", Row.Proposal, "L O F O N F F N N N N N", "Move"),
        Post("/Proposals/Details/{id:int}", Row.Proposal, "L O F O N F F N N N N N", "Check"),
        Post("/Proposals/Details/{id:int}", Row.Proposal, "L O F O N F F N N N N N", "Upload"),
        Post("/Proposals/Details/{id:int}", Row.Proposal, "L O F O N F F N N N N N", "RejectDocument"),
        Post("/Proposals/Details/{id:int}", Row.Proposal, "L F O F N F F N N N N N", "Vote"),
        Post("/Proposals/Details/{id:int}", Row.Proposal, "L O F O N F F N N N N N", "Cost"),
        Post("/Proposals/Details/{id:int}", Row.Proposal, "L O F F N F F N N N N N", "Schedule"),
        Get("/Proposals/Document/{id:int}", Row.ProposalDocument, "L O O O N O F N N N N N"),
        Post("/Proposals/Details/{id:int}", Row.Proposal, "L O O O N O F N N N N N", "Message"),
        Get("/Proposals/Attachment/{id:int}", Row.ProposalAttachment, "L O O O N O F N N N N N"),
        Get("/Proposals/Recommendation/{id:int}", Row.Proposal, "L O O O N O F N N N N N"),

        // Potensi daerah: the region's government accounts read its potentials, the province's admin and overseers those of its kab/kota
        // (the ministry and the system admin all); the admin, the TKKSD and the owning OPD change them; only TKKSD members score.
        Get("/Potentials", Row.None, "L O O O O O F O O O O O"),
        // The shapes answer only for the province the map shows (none asked here).
        Get("/Potentials", Row.None, "L N N N N N F N N N N N", "Shapes"),
        Get("/Potentials/Ranking", Row.None, "L O O O O O F O F F F F"),
        Get("/Potentials/Settings", Row.None, "L O F F F F F O F F F F"),
        Post("/Potentials/Settings", Row.None, "L O F F F F F O F F F F"),
        Get("/Potentials/Edit/{id:int?}", Row.None, "L O O O O F F O O F F F"),
        Post("/Potentials/Edit/{id:int?}", Row.None, "L O O O O F F O O F F F"),
        Get("/Potentials/Edit/{id:int?}", Row.Potential, "L O O O F F F N F F F F"),
        Post("/Potentials/Edit/{id:int?}", Row.Potential, "L O O O F F F N F F F F"),
        Get("/Potentials/Details/{id:int}", Row.Potential, "L O O O O O F N O O O O"),
        // No document asked: nothing to download.
        Get("/Potentials/Details/{id:int}", Row.Potential, "L N N N N N F N N N N N", "Document"),
        // The demo TKKSD member already scored the demo potentials: told so, on the page.
        Post("/Potentials/Details/{id:int}", Row.Potential, "L F O F F F F N F F F F", "Score"),
        Post("/Potentials/Details/{id:int}", Row.Potential, "L O O O F F F N F F F F", "Upload"),
        // Rencana kerja TKKSD: the region's own accounts (a province's too); the admin and the TKKSD plan; the owner, the admin and the TKKSD report.
        Get("/WorkPlans", Row.None, "L O O O O O F O O O F F"),
        Get("/WorkPlans", Row.None, "L O O O O O F O O O F F", "Report"),
        Get("/WorkPlans/Edit/{id:int?}", Row.None, "L O O F F F F O O F F F"),
        Post("/WorkPlans/Edit/{id:int?}", Row.None, "L O O F F F F O O F F F"),
        Get("/WorkPlans/Edit/{id:int?}", Row.WorkPlanActivity, "L O O F F F F N N N N N"),
        Post("/WorkPlans/Edit/{id:int?}", Row.WorkPlanActivity, "L O O F F F F N N N N N"),
        Get("/WorkPlans/Activity/{id:int}", Row.WorkPlanActivity, "L O O O O O F N N N N N"),
        Get("/WorkPlans/Activity/{id:int}", Row.WorkPlanActivity, "L N N N N N F N N N N N", "Evidence"),
        Post("/WorkPlans/Activity/{id:int}", Row.WorkPlanActivity, "L O O F F F F N N N N N"),
        Post("/WorkPlans/Activity/{id:int}", Row.WorkPlanActivity, "L O O F F F F N N N N N", "Upload"),

        // TKKSD section: read by the region's government accounts; the register kept by the admin, meetings by the admin and the TKKSD.
        Get("/Tkksd", Row.None, "L O O O O O F O O O O O"),
        Get("/Tkksd/Members", Row.None, "L O O O O O F O O O O O"),
        Post("/Tkksd/Members", Row.None, "L O F F F F F O O F F F", "Add"),
        Post("/Tkksd/Members", Row.None, "L N F F F F F N N F F F", "End"),
        Post("/Tkksd/Members", Row.None, "L O F F F F F O O F F F", "Decree"),
        Get("/Tkksd/Members", Row.None, "L N N N N N F N N N N N", "File"),
        Get("/Tkksd/Meetings", Row.None, "L O O O O O F O O O O O"),
        Post("/Tkksd/Meetings", Row.None, "L O O F F F F O O F F F"),
        Get("/Tkksd/Meetings/{id:int}", Row.TkksdMeeting, "L O O O O O F N N N N N"),
        Get("/Tkksd/Meetings/{id:int}", Row.TkksdMeeting, "L O O O O O F N N N N N", "Pdf"),
        Post("/Tkksd/Meetings/{id:int}", Row.TkksdMeeting, "L O O F F F F N N N N N", "Invite"),
        Post("/Tkksd/Meetings/{id:int}", Row.TkksdMeeting, "L O O F F F F N N N N N", "Attendance"),
        Post("/Tkksd/Meetings/{id:int}", Row.TkksdMeeting, "L O O F F F F N N N N N", "Minutes"),
        Post("/Tkksd/Meetings/{id:int}", Row.TkksdMeeting, "L O O F F F F N N N N N", "Approve"),
        Post("/Tkksd/Meetings/{id:int}", Row.TkksdMeeting, "L O O F F F F N N N N N", "Correct"),
        Post("/Tkksd/Meetings/{id:int}", Row.TkksdMeeting, "L O O F F F F N N N N N", "Action"),
        Post("/Tkksd/Meetings/{id:int}", Row.TkksdMeeting, "L N N N N N F N N N N N", "Status"),
        // Monev: read by whoever reads the agreement; the laporan pelaksanaan is filed by its responsible OPD only,
        // an agreement's own cadence is set by its region's admin.
        Get("/Evaluations", Row.None, "L O O O O O F O O O O O"),
        Get("/Evaluations/Agreement/{id:int}/{period}", Row.AgreementPeriod, "L O O O O O F N N O O O"),
        Post("/Evaluations/Agreement/{id:int}/{period}", Row.AgreementPeriod, "L F F O F F F N N F F F", "Save"),
        Post("/Evaluations/Agreement/{id:int}/{period}", Row.AgreementPeriod, "L F F O F F F N N F F F", "Submit"),
        Post("/Evaluations/Agreement/{id:int}/{period}", Row.AgreementPeriod, "L F F O F F F N N F F F", "Correct"),
        Post("/Evaluations/Agreement/{id:int}/{period}", Row.AgreementPeriod, "L F F O F F F N N F F F", "Upload"),
        Get("/Evaluations/Agreement/{id:int}/{period}", Row.AgreementPeriod, "L O O O O O F N N O O O", "Pdf"),
        Get("/Evaluations/Summary", Row.None, "L O O O O O F O O O N N"),
        Get("/Evaluations/Summary", Row.None, "L O O O O O F O O O N N", "Pdf"),
        Get("/Evaluations/Summary", Row.None, "L O O O O O F O O O N N", "Xlsx"),
        // The review is the TKKSD lokus member's (the demo TKKSD is lokus of Dinkes), the evaluation the admin's.
        Get("/Evaluations/Review/{id:int}/{period}", Row.AgreementPeriod, "L O O O O O F N N O O O"),
        Post("/Evaluations/Review/{id:int}/{period}", Row.AgreementPeriod, "L F O F F F F N N F F F", "Save"),
        Post("/Evaluations/Review/{id:int}/{period}", Row.AgreementPeriod, "L F O F F F F N N F F F", "Submit"),
        Post("/Evaluations/Review/{id:int}/{period}", Row.AgreementPeriod, "L F O F F F F N N F F F", "Correct"),
        Get("/Evaluations/Evaluate/{id:int}/{period}", Row.AgreementPeriod, "L O O O O O F N N O O O"),
        Post("/Evaluations/Evaluate/{id:int}/{period}", Row.AgreementPeriod, "L O F F F F F N N F F F", "Save"),
        Post("/Evaluations/Evaluate/{id:int}/{period}", Row.AgreementPeriod, "L O F F F F F N N F F F", "Submit"),
        Post("/Evaluations/Evaluate/{id:int}/{period}", Row.AgreementPeriod, "L O F F F F F N N F F F", "Correct"),
        // Indicators: whoever edits the agreement sets them and records target and realisation.
        Get("/Evaluations/Indicators/{id:int}", Row.Agreement, "L O O O O O F N N O O O"),
        Post("/Evaluations/Indicators/{id:int}", Row.Agreement, "L O F O F F F N N F F F", "Add"),
        Post("/Evaluations/Indicators/{id:int}", Row.Agreement, "L O F O F F F N N F F F", "Record"),
        // Kendala: recorded and followed up by whoever edits the agreement, and by the TKKSD, who take up the escalated ones.
        Get("/Evaluations/Obstacles", Row.None, "L O O O O O F O O O O O"),
        Get("/Evaluations/Obstacles/Edit/{id:int?}", Row.None, "L N N N N N F N N N N N"),
        Post("/Evaluations/Obstacles/Edit/{id:int?}", Row.None, "L N N N N N F N N N N N"),
        Get("/Evaluations/Obstacles/Edit/{id:int?}", Row.Obstacle, "L O O O O O F N N O O O"),
        Post("/Evaluations/Obstacles/Edit/{id:int?}", Row.Obstacle, "L O O O F F F N N F F F"),
        Get("/Evaluations/Schedule/{id:int}", Row.Agreement, "L O O O O O F N N O O O"),
        Post("/Evaluations/Schedule/{id:int}", Row.Agreement, "L O F F F F F N N F F F"),

        // Kerja Sama: the registry. Everyone in government reads the region's registry; a Mitra account does not.
        Get("/Agreements", Row.None, "L O O O O O F O O O O O"),
        Get("/Agreements/Export", Row.None, "L O O O O O F O O O O O"),
        Get("/Agreements/Details/{id:int}", Row.Agreement, "L O O O O O F N N O O O"),
        // Whether the public portal shows an agreement: those who may edit it.
        Get("/Agreements/Publication/{id:int}", Row.Agreement, "L O F O F F F N N N N N"),
        Post("/Agreements/Publication/{id:int}", Row.Agreement, "L O F O F F F N N N N N"),
        // The roll-up and its drill-down: overseers only (a region admin gets 403), read-only.
        Get("/Rollup", Row.None, "L F F F F F F F F O O O"),
        Get("/Rollup/Region/{code}", Row.Region, "L F F F F F F F F O O O"),
        // The province's consolidated Laporan: its overseer and its Admin Kerja Sama; a national caller must name the province (404 without).
        Get("/Rollup/Report", Row.None, "L F F F F F F F O O N N"),
        // The map: a region's cooperation for those who read its registry, the choropleth's shapes for overseers.
        Get("/Map", Row.None, "L O O O O O F O O O O O"),
        Get("/Map", Row.None, "L F F F F F F F F O O O", "Shapes"),
        // The public portal: anyone, signed in or not, reads the published agreements.
        Get("/publik/{region?}", Row.None, "O O O O O O O O O O O O"),
        Get("/publik/kerja-sama/{id:int}", Row.Agreement, "O O O O O O O O O O O O"),
        Get("/publik/unduh/{format}", Row.PublicFormat, "O O O O O O O O O O O O"),
        // A document is served by the portal only when marked public; the demo row is not, for anyone.
        Get("/publik/dokumen/{id:int}", Row.Document, "N N N N N N N N N N N N"),
        Get("/openapi/{documentName}.json", Row.OpenApiDocument, "O O O O O O O O O O O O"),
        Get("/favicon.ico", Row.None, "O O O O O O O O O O O O"),
        // The API reference page's own scripts and icon (Scalar), public like the page.
        Get("/api/docs/{documentName?}", Row.None, "O O O O O O O O O O O O"),
        Get("/api/docs/scalar.js", Row.None, "O O O O O O O O O O O O"),
        Get("/api/docs/scalar.aspnetcore.js", Row.None, "O O O O O O O O O O O O"),
        Get("/api/docs/favicon.svg", Row.None, "O O O O O O O O O O O O"),
        Get("/Agreements/Profile/{id:int}", Row.Agreement, "L O O O O O F N N O O O"),
        Get("/Agreements/Document/{id:int}", Row.Document, "L O O O O O F N N O O O"),
        // Recording: the admin, and an operator for its own OPD; overseers read only.
        Get("/Agreements/Edit/{id:int?}", Row.None, "L O F O O F F O O F F F"),
        Post("/Agreements/Edit/{id:int?}", Row.None, "L O F O O F F O O F F F"),
        Get("/Agreements/Edit/{id:int?}", Row.Agreement, "L O F O F F F N N N N N"),
        Post("/Agreements/Edit/{id:int?}", Row.Agreement, "L O F O F F F N N N N N"),
        // A partner added from inside the form: who may record the agreement and keep the directory.
        Post("/Agreements/Edit/{id:int?}", Row.None, "L O F O O F F O O F F F", "AddPartner"),
        Post("/Agreements/Edit/{id:int?}", Row.Agreement, "L O F O F F F N N N N N", "AddPartner"),
        Get("/Agreements/Terminate/{id:int}", Row.Agreement, "L O F O F F F N N N N N"),
        Post("/Agreements/Terminate/{id:int}", Row.Agreement, "L O F O F F F N N N N N"),
        Post("/Agreements/Details/{id:int}", Row.Agreement, "L O F O F F F N N F F F", "Upload"),
        // Budget lines: who may edit the agreement; outside the owner region the agreement is not found.
        Get("/Agreements/Budget/{id:int}", Row.Agreement, "L O F O F F F N N N N N"),
        Post("/Agreements/Budget/{id:int}", Row.Agreement, "L O F O F F F N N N N N"),
        Get("/Agreements/Budget/Line/{id:int}", Row.BudgetLine, "L O F O F F F N N N N N"),
        Post("/Agreements/Budget/Line/{id:int}", Row.BudgetLine, "L O F O F F F N N N N N"),
        Post("/Agreements/Budget/Line/{id:int}", Row.FreshBudgetLine, "L O F O F F F N N N N N", "Delete"),
        // Integration checks of the caller's region (an overseer's own); without a region of one's own there is none to show.
        Get("/Budget", Row.None, "L O O O O O F O O O N N"),
        // Peserta magang/PKL: personal data, for the region's admin and the agreement's OPD only.
        Get("/Participants", Row.None, "L O F O O F F O O F F F"),
        Get("/Agreements/Participants/{id:int}", Row.Agreement, "L O F O F F F N N N N N"),
        Post("/Agreements/Participants/{id:int}", Row.Agreement, "L O F O F F F N N N N N"),
        Post("/Agreements/Participants/{id:int}", Row.Agreement, "L O F O F F F N N N N N", "Delete"),
        Post("/Agreements/Participants/{id:int}", Row.Agreement, "L O F O F F F N N N N N", "Import"),
        Post("/Agreements/Participants/{id:int}", Row.Agreement, "L O F O F F F N N N N N", "Mark"),
        // Only the region's admin deletes a mistaken record.
        Get("/Agreements/Delete/{id:int}", Row.Agreement, "L O F F F F F N N N N N"),
        Post("/Agreements/Delete/{id:int}", Row.FreshAgreement, "L O F F F F F N N N N N"),

        // Mitra: the region's directory. Operators add and correct; the admin also deletes and merges.
        // On a partner another OPD's agreements name, the operator's form shows type, name and region
        // as fixed and a changed one comes back with a field message (so the page still answers); the API says 403.
        Get("/Partners", Row.None, "L O O O O O F O O O O O"),
        Get("/Partners/Edit/{id:int?}", Row.None, "L O F O O F F O O F F F"),
        Post("/Partners/Edit/{id:int?}", Row.None, "L O F O O F F O O F F F"),
        Get("/Partners/Edit/{id:int?}", Row.Partner, "L O F O O F F N N F F F"),
        Post("/Partners/Edit/{id:int?}", Row.Partner, "L O F O O F F N N F F F"),
        Get("/Partners/Delete/{id:int}", Row.Partner, "L O N N N N F N N N N N"),
        Post("/Partners/Delete/{id:int}", Row.FreshPartner, "L O N N N N F N N N N N"),
        Get("/Partners/Merge/{id:int}", Row.Partner, "L O N N N N F N N N N N"),
        Post("/Partners/Merge/{id:int}", Row.Partner, "L O N N N N F N N N N N"),

        // Impor: the region's admin only.
        Get("/Import", Row.None, "L O F F F F F O O F F F"),
        Post("/Import", Row.None, "L O F F F F F O O F F F"),
        // Budget lines from a workbook: whoever records budget lines (the admin; an operator, for its OPD's agreements, row by row).
        Get("/Import/Budget", Row.None, "L O F O O F F O O F F F"),
        Post("/Import/Budget", Row.None, "L O F O O F F O O F F F"),
        Post("/Import/Budget", Row.None, "L O F O O F F O O F F F", "Save"),
        Get("/Import/Session/{id:guid}", Row.ImportSession, "L O F F F F F N N F F F"),
        Get("/Import/Session/{id:guid}", Row.ImportSession, "L O F F F F F N N F F F", "Progress"),
        Get("/Import/Session/{id:guid}", Row.ImportSession, "L O F F F F F N N F F F", "Report"),
        Post("/Import/Session/{id:guid}", Row.ImportSession, "L O F F F F F N N F F F", "Mapping"),
        Post("/Import/Session/{id:guid}", Row.ImportSession, "L O F F F F F N N F F F", "Save"),
        Post("/Import/Session/{id:guid}", Row.ImportSession, "L O F F F F F N N F F F", "Values"),

        // Laporan. A national overseer and a system admin have no region of their own: they must name one.
        Get("/Reports", Row.None, "L O O O O O F O O O O O"),
        Get("/Reports/Period", Row.None, "L O O O O O F O O O N N"),
        Get("/Reports/Period", Row.None, "L O O O O O F O O O N N", "Pdf"),

        // Pengaturan: the region's admin, or a system admin naming the region.
        Get("/Settings", Row.None, "L O F F F F F O O F F O"),
        Get("/Settings/Report", Row.None, "L O F F F F F O O F F O"),
        Post("/Settings/Report", Row.None, "L O F F F F F O O F F O"),
        Get("/Settings/Registry", Row.None, "L O F F F F F O O F F O"),
        Get("/Settings/Monev", Row.None, "L O F F F F F O O F F O"),
        Get("/Settings/Lokus", Row.None, "L O F F F F F O O F F O"),
        Get("/Settings/Iku", Row.None, "L O F F F F F O O F F O"),
        Post("/Settings/Iku", Row.None, "L O F F F F F O O F F O"),
        Post("/Settings/Lokus", Row.None, "L O F F F F F O O F F O"),
        Post("/Settings/Monev", Row.None, "L O F F F F F O O F F O"),
        Get("/Settings/Monev/Criteria", Row.None, "L O F F F F F O O F F O"),
        Post("/Settings/Monev/Criteria", Row.None, "L O F F F F F O O F F O"),
        Post("/Settings/Monev/Criteria", Row.None, "L O F F F F F O O F F O", "Reset"),
        // The SOP editor, rubric and quorum: the region's admin (a system admin names the region).
        Get("/Settings/Sop", Row.None, "L O F F F F F O O F F O"),
        Post("/Settings/Sop", Row.None, "L O F F F F F O O F F O"),
        Post("/Settings/Sop", Row.None, "L O F F F F F O O F F O", "Add"),
        Post("/Settings/Sop", Row.None, "L O F F F F F O O F F O", "Remove"),
        Post("/Settings/Sop", Row.None, "L O F F F F F O O F F O", "Up"),
        Post("/Settings/Sop", Row.None, "L O F F F F F O O F F O", "Down"),
        Post("/Settings/Sop", Row.None, "L O F F F F F O O F F O", "Assessment"),
        Post("/Settings/Registry", Row.None, "L O F F F F F O O F F O"),
        Get("/Settings/Notifications", Row.None, "L O F F F F F O O F F O"),
        Post("/Settings/Notifications", Row.None, "L O F F F F F O O F F O"),
        Get("/Settings/Webhook", Row.None, "L O F F F F F O O F F O"),
        Post("/Settings/Webhook", Row.None, "L O F F F F F O O F F O"),
        Post("/Settings/Webhook", Row.None, "L O F F F F F O O F F O", "Test"),
        Post("/Settings/Webhook", Row.None, "L O F F F F F O O F F O", "Remove"),
        Get("/Settings/Opds", Row.None, "L O F F F F F O O F F O"),
        Get("/Settings/Opds/Edit/{id:int?}", Row.None, "L O F F F F F O O F F O"),
        Post("/Settings/Opds/Edit/{id:int?}", Row.None, "L O F F F F F O O F F O"),
        Get("/Settings/Opds/Edit/{id:int?}", Row.Opd, "L O F F F F F N N F F O"),
        Post("/Settings/Opds/Edit/{id:int?}", Row.Opd, "L O F F F F F N N F F O"),
        Get("/Settings/Opds/Delete/{id:int}", Row.Opd, "L O F F F F F N N F F O"),
        Post("/Settings/Opds/Delete/{id:int}", Row.FreshOpd, "L O F F F F F N N F F O"),
        Get("/Settings/Users", Row.None, "L O F F F F F O O F F O"),
        Get("/Settings/Users/Edit/{id?}", Row.None, "L O F F F F F O O F F O"),
        Post("/Settings/Users/Edit/{id?}", Row.None, "L O F F F F F O O F F O"),
        Get("/Settings/Users/Edit/{id?}", Row.User, "L O F F F F F N N F F O"),
        Post("/Settings/Users/Edit/{id?}", Row.FreshUser, "L O F F F F F N N F F O"),
        Post("/Settings/Users/Edit/{id?}", Row.FreshUser, "L O F F F F F N N F F O", "ResetPassword"),
        Post("/Settings/Users/Edit/{id?}", Row.FreshUser, "L O F F F F F N N F F O", "Unlock"),
        // Reach: a Pengawas reads beyond one region, so only an Admin Sistem gives the role or keeps such an
        // account. The province's own admin sees the province overseer listed and is refused the rest.
        Get("/Settings/Users/Edit/{id?}", Row.ProvinceOverseer, "L N F F F F F N F F F O"),
        Post("/Settings/Users/Edit/{id?}", Row.FreshProvinceOverseer, "L N F F F F F N F F F O"),
        Post("/Settings/Users/Edit/{id?}", Row.FreshProvinceOverseer, "L N F F F F F N F F F O", "ResetPassword"),
        Post("/Settings/Users/Edit/{id?}", Row.FreshProvinceOverseer, "L N F F F F F N F F F O", "Unlock"),
        Post("/Settings/Users/Edit/{id?}", Row.None, "L F F F F F F F F F F O", form: "Input.Role=Overseer&region=62"),
        Post("/Settings/Users/Edit/{id?}", Row.FreshUser, "L F F F F F F N N F F O", form: "Input.Role=Overseer"),

        // API: a bearer token; writes need If-Match, so an allowed write of an empty body answers 400 or 428.
        Get("/api/v1/me", Row.None, "L O O O O O O O O O O O"),
        Get("/api/v1/regions/", Row.None, "L O O O O O O O O O O O"),
        Get("/api/v1/regions/{code}", Row.Region, "L O O O O O O O O O O O"),
        Get("/api/v1/opds/", Row.None, "L O O O O O O O O O O O"),
        // Overseers read the OPDs of the regions they oversee.
        Get("/api/v1/opds/{id:int}", Row.Opd, "L O O O O O O N N O O O"),
        Post("/api/v1/opds/", Row.None, "L O F F F F F O O F F F"),
        Put("/api/v1/opds/{id:int}", Row.Opd, "L O F F F F F N N F F F"),
        Delete("/api/v1/opds/{id:int}", Row.FreshOpd, "L O F F F F F N N F F F"),
        Get("/api/v1/agreements/", Row.None, "L O O O O O F O O O O O"),
        Get("/api/v1/agreements/export", Row.None, "L O O O O O F O O O O O"),
        Get("/api/v1/agreements/{id:int}", Row.Agreement, "L O O O O O F N N O O O"),
        Get("/api/v1/agreements/{id:int}/history", Row.Agreement, "L O O O O O F N N O O O"),
        Get("/api/v1/agreements/{id:int}/profile.pdf", Row.Agreement, "L O O O O O F N N O O O"),
        Get("/api/v1/documents/{versionId:int}", Row.Document, "L O O O O O F N N O O O"),
        Post("/api/v1/agreements/", Row.None, "L O F O O F F O O F F F"),
        Put("/api/v1/agreements/{id:int}", Row.Agreement, "L O F O F F F N N N N N"),
        Post("/api/v1/agreements/{id:int}/terminate", Row.Agreement, "L O F O F F F N N N N N"),
        Post("/api/v1/agreements/{id:int}/documents", Row.Agreement, "L O F O F F F N N N N N"),
        Delete("/api/v1/agreements/{id:int}", Row.Agreement, "L O F F F F F N N N N N"),
        Get("/api/v1/partners/", Row.None, "L O O O O O F O O O O O"),
        Get("/api/v1/partners/{id:int}", Row.Partner, "L O O O O O F N N N N O"),
        Post("/api/v1/partners/", Row.None, "L O F O O F F O O F F F"),
        Put("/api/v1/partners/{id:int}", Row.Partner, "L O F O F F F N N N N F"),
        Delete("/api/v1/partners/{id:int}", Row.FreshPartner, "L O F F F F F N N N N F"),
        Post("/api/v1/partners/{id:int}/merge", Row.Partner, "L O F F F F F N N N N F"),
        Post("/api/v1/imports", Row.None, "L O F F F F F O O F F F"),
        // The full report of an import, for the region's admin; another region's is not found.
        Post("/api/v1/imports/budget-lines", Row.None, "L O F O O F F O O F F F"),
        Get("/api/v1/imports/{id:guid}/report", Row.ImportSession, "L O F F F F F N N F F F"),
        Get("/api/v1/reports/period", Row.None, "L O O O O O F O O O O O"),
        Get("/api/v1/obstacles/", Row.None, "L O O O O O F O O O O O"),
        // An empty body names no agreement: 400 for anyone who may call it.
        Post("/api/v1/obstacles/", Row.None, "L O O O O O F O O O O O"),
        Put("/api/v1/obstacles/{id:int}", Row.Obstacle, "L O O O F F F N N N N N"),
        // TKKSD: the register is the admin's; meetings, notulen and action items the admin's and the TKKSD's; an action item's owner moves it on.
        Get("/api/v1/tkksd/members", Row.None, "L O O O O O F O O O O O"),
        Post("/api/v1/tkksd/members", Row.None, "L O F F F F F O O F F F"),
        Put("/api/v1/tkksd/members/{id:int}/end", Row.TkksdMember, "L O F F F F F N N N N N"),
        Get("/api/v1/tkksd/meetings", Row.None, "L O O O O O F O O O O O"),
        Get("/api/v1/tkksd/meetings/{id:int}", Row.TkksdMeeting, "L O O O O O F N N N N N"),
        Post("/api/v1/tkksd/meetings", Row.None, "L O O F F F F O O F F F"),
        Put("/api/v1/tkksd/meetings/{id:int}/minutes", Row.TkksdMeeting, "L O O F F F F N N N N N"),
        Get("/api/v1/tkksd/action-items", Row.None, "L O O O O O F O O O O O"),
        Post("/api/v1/tkksd/meetings/{id:int}/action-items", Row.TkksdMeeting, "L O O F F F F N N N N N"),
        Put("/api/v1/tkksd/action-items/{id:int}", Row.TkksdActionItem, "L O O O F F F N N N N N"),
        Get("/api/v1/proposals/", Row.None, "L O O O O O F O O O O O"),
        Post("/api/v1/proposals/", Row.None, "L O F O O F F O O F F F"),
        Get("/api/v1/proposals/{id:int}", Row.Proposal, "L O O O N O F N N N N N"),
        Post("/api/v1/proposals/{id:int}/transitions", Row.Proposal, "L O F O N F F N N N N N"),
        Get("/api/v1/proposals/{id:int}/signing", Row.Proposal, "L O O O N O F N N N N N"),
        Put("/api/v1/proposals/{id:int}/signing", Row.Proposal, "L O F F N F F N N N N N"),
        Get("/api/v1/proposals/{id:int}/votes", Row.Proposal, "L O O O N O F N N N N N"),
        Post("/api/v1/proposals/{id:int}/votes", Row.Proposal, "L F O F N F F N N N N N"),
        Get("/api/v1/proposals/{id:int}/revisions", Row.Proposal, "L O O O N O F N N N N N"),
        Get("/api/v1/sop/", Row.None, "L O O O O O F O O O O O"),
        Get("/api/v1/sop/{kind}", Row.SopKind, "L O O O O O F O O O N N"),
        Put("/api/v1/sop/{kind}", Row.SopKind, "L O F F F F F O O F F F"),
        Get("/api/v1/proposals/settings", Row.None, "L O O O O O F O O O N N"),
        Put("/api/v1/proposals/settings", Row.None, "L O F F F F F O O F F F"),
        Get("/api/v1/proposals/{id:int}/thread", Row.Proposal, "L O O O N O F N N N N N"),
        Post("/api/v1/proposals/{id:int}/thread", Row.Proposal, "L O O O N O F N N N N N"),
        Get("/api/v1/potentials/", Row.None, "L O O O O O F O O O O O"),
        Get("/api/v1/potentials/map", Row.None, "L O O O O O F O O O O O"),
        Get("/api/v1/potentials/ranking", Row.None, "L O O O O O F O F F F F"),
        Post("/api/v1/potentials/", Row.None, "L O O O O F F O O F F F"),
        Get("/api/v1/potentials/{id:int}", Row.Potential, "L O O O O O F N O O O O"),
        Put("/api/v1/potentials/{id:int}", Row.Potential, "L O O O F F F N F F F F"),
        Post("/api/v1/potentials/{id:int}/scores", Row.Potential, "L F O F F F F N F F F F"),
        Get("/api/v1/potentials/{id:int}/partners", Row.Potential, "L O O O O O F N O O O O"),
        Get("/api/v1/workplans/{year:int}", Row.WorkPlanYear, "L O O O O O F O O O F F"),
        Post("/api/v1/workplans/activities", Row.None, "L O O F F F F O O F F F"),
        Put("/api/v1/workplans/activities/{id:int}", Row.WorkPlanActivity, "L O O F F F F N N N N N"),
        Put("/api/v1/workplans/activities/{id:int}/progress", Row.WorkPlanActivity, "L O O F F F F N N N N N"),
        Get("/api/v1/agreements/{id:int}/indicators/", Row.Agreement, "L O O O O O F N N O O O"),
        Post("/api/v1/agreements/{id:int}/indicators/", Row.Agreement, "L O F O F F F N N F F F"),
        Put("/api/v1/agreements/{id:int}/indicators/{indicatorId:int}/periods/{period}", Row.AgreementIndicatorPeriod, "L O F O F F F N N F F F"),
        Get("/api/v1/agreements/{id:int}/periods/", Row.Agreement, "L O O O O O F N N O O O"),
        Get("/api/v1/agreements/{id:int}/impact", Row.Agreement, "L O O O O O F N N O O O"),
        Get("/api/v1/agreements/{id:int}/periods/{period}/implementation", Row.AgreementPeriod, "L O O O O O F N N O O O"),
        Put("/api/v1/agreements/{id:int}/periods/{period}/implementation", Row.AgreementPeriod, "L F F O F F F N N F F F"),
        Post("/api/v1/agreements/{id:int}/periods/{period}/implementation/submit", Row.AgreementPeriod, "L F F O F F F N N F F F"),
        Post("/api/v1/agreements/{id:int}/periods/{period}/implementation/correct", Row.AgreementPeriod, "L F F O F F F N N F F F"),
        Get("/api/v1/agreements/{id:int}/periods/{period}/implementation/evidence", Row.AgreementPeriod, "L O O O O O F N N O O O"),
        Post("/api/v1/agreements/{id:int}/periods/{period}/implementation/evidence", Row.AgreementPeriod, "L F F O F F F N N F F F"),
        Delete("/api/v1/agreements/{id:int}/periods/{period}/implementation/evidence", Row.AgreementPeriod, "L F F O F F F N N F F F"),
        Get("/api/v1/agreements/{id:int}/periods/{period}/review", Row.AgreementPeriod, "L O O O O O F N N O O O"),
        Put("/api/v1/agreements/{id:int}/periods/{period}/review", Row.AgreementPeriod, "L F O F F F F N N F F F"),
        Post("/api/v1/agreements/{id:int}/periods/{period}/review/submit", Row.AgreementPeriod, "L F O F F F F N N F F F"),
        Post("/api/v1/agreements/{id:int}/periods/{period}/review/correct", Row.AgreementPeriod, "L F O F F F F N N F F F"),
        Get("/api/v1/agreements/{id:int}/periods/{period}/evaluation", Row.AgreementPeriod, "L O O O O O F N N O O O"),
        Put("/api/v1/agreements/{id:int}/periods/{period}/evaluation", Row.AgreementPeriod, "L O F F F F F N N F F F"),
        Post("/api/v1/agreements/{id:int}/periods/{period}/evaluation/submit", Row.AgreementPeriod, "L O F F F F F N N F F F"),
        Post("/api/v1/agreements/{id:int}/periods/{period}/evaluation/correct", Row.AgreementPeriod, "L O F F F F F N N F F F"),
        Get("/api/v1/agreements/{id:int}/budget-lines", Row.Agreement, "L O O O O O F N N O O O"),
        Post("/api/v1/agreements/{id:int}/budget-lines", Row.Agreement, "L O F O F F F N N N N N"),
        Put("/api/v1/budget-lines/{id:int}", Row.BudgetLine, "L O F O F F F N N N N N"),
        Delete("/api/v1/budget-lines/{id:int}", Row.BudgetLine, "L O F O F F F N N N N N"),
        Get("/api/v1/agreements/{id:int}/participants", Row.Agreement, "L O F O F F F N N N N N"),
        Post("/api/v1/agreements/{id:int}/participants", Row.Agreement, "L O F O F F F N N N N N"),
        Put("/api/v1/participants/{id:int}", Row.Participant, "L O F O F F F N N N N N"),
        Delete("/api/v1/participants/{id:int}", Row.FreshParticipant, "L O F O F F F N N N N N"),
        Get("/api/v1/participants/uninsured", Row.None, "L O F O O F F O O F F F"),
        // Without a region of its own the caller must name one: 400, an answer.
        Get("/api/v1/budget/checks/", Row.None, "L O O O O O F O O O O O"),
        Get("/api/v1/budget/checks/{check}", Row.BudgetCheck, "L O O O O O F O O O O O"),
        Get("/api/v1/notifications/", Row.None, "L O O O O O O O O O O O"),
        Post("/api/v1/notifications/{id:long}/read", Row.AdminNotification, "L O N N N N N N N N N N"),
        Post("/api/v1/notifications/read-all", Row.None, "L O O O O O O O O O O O"),
        Get("/api/v1/notifications/settings", Row.None, "L O O O O O O O O O O O"),
        Put("/api/v1/notifications/settings", Row.None, "L O O O O O O O O O O O"),
        // Dashboard figures: whoever reads a registry (without a region of its own, 400 until one is named); the roll-up for overseers.
        Get("/api/v1/dashboard", Row.None, "L O O O O O F O O O O O"),
        Get("/api/v1/monev/criteria/", Row.None, "L O O O O O F O O O O O"),
        Put("/api/v1/monev/criteria/review", Row.None, "L O F F F F F O O F F F"),
        Put("/api/v1/monev/criteria/evaluation", Row.None, "L O F F F F F O O F F F"),
        Get("/api/v1/rollup", Row.None, "L F F F F F F F F O O O"),
        // Open data: the only anonymous API routes.
        Get("/api/v1/publik/agreements", Row.None, "O O O O O O O O O O O O"),
        Get("/api/v1/publik/agreements/{id:int}", Row.Agreement, "O O O O O O O O O O O O"),
    ];
}
